import { restoreDatabase } from '../src/platform/db/backup';
import { describeTarget, parseCommand, progress, run } from './db-cli';

const command = parseCommand('Usage : npm run db:restore -- <fichier> [--force]   (usage: npm run db:restore -- <file> [--force])', true);
console.error(`Restauration de ${command.file} dans ${describeTarget(command.target)} (restoring)`);
await run(
  () => restoreDatabase(command.target, command.file, { force: command.force }, progress),
  'Restauration terminée : démarrez Jalon, il appliquera les migrations manquantes. (Restore complete.)',
);
