import fs from 'node:fs';
import { backupDatabase } from '../src/platform/db/backup';
import { describeTarget, parseCommand, progress, run } from './db-cli';

const command = parseCommand('Usage : npm run db:backup -- <fichier>   (usage: npm run db:backup -- <file>)', false);
console.error(`Sauvegarde de ${describeTarget(command.target)} vers ${command.file} (backing up)`);
await run(async () => {
  await backupDatabase(command.target, command.file, progress);
  progress(`${(fs.statSync(command.file).size / 1_048_576).toFixed(1)} Mo écrits (MB written)`);
}, 'Sauvegarde terminée. (Backup complete.)');
