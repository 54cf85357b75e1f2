// Writes calibrated IRT parameters into the content: `npm run content:apply-irt -- params.json
// [--dir packages/content/bank]`. `params.json` is the output of `npm run calibrate` (anchored
// items are left as they are). Then run `npm run content:check` and review the diff.
// Exit code 1 on bad input or when a file would not read back as written.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { applyIrtToTubeYaml, type IrtTable } from '../src/apply-irt';
import { coreContentDir } from '../src/loader';

function fail(message: string): never {
  console.error(`content:apply-irt: ${message}`);
  process.exit(1);
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? yamlFiles(join(dir, entry.name)) : entry.name.endsWith('.yaml') ? [join(dir, entry.name)] : []))
    .sort();
}

const { values: args, positionals } = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true });
const paramsFile = positionals[0];
if (!paramsFile) fail('usage: npm run content:apply-irt -- params.json [--dir <content folder>]');
let items: Record<string, { difficulty?: unknown; discrimination?: unknown; anchored?: unknown }>;
try {
  items = (JSON.parse(readFileSync(paramsFile, 'utf8')) as { items?: typeof items }).items ?? {};
} catch (error) {
  fail(`cannot read ${paramsFile}: ${(error as Error).message}`);
}
const table: Record<string, { difficulty: number; discrimination: number }> = {};
for (const [id, item] of Object.entries(items)) {
  if (item.anchored === true) continue;
  const { difficulty, discrimination } = item;
  if (typeof difficulty !== 'number' || typeof discrimination !== 'number' || !(discrimination > 0)) fail(`item ${id} has invalid parameters`);
  table[id] = { difficulty, discrimination };
}

const dir = args.dir ?? coreContentDir;
const written = new Set<string>();
for (const file of yamlFiles(join(dir, 'tubes'))) {
  const text = readFileSync(file, 'utf8');
  let result: ReturnType<typeof applyIrtToTubeYaml>;
  try {
    result = applyIrtToTubeYaml(text, table as IrtTable);
  } catch (error) {
    fail(`${relative(process.cwd(), file)}: ${(error as Error).message}; nothing written for it`);
  }
  if (result.applied.length === 0) continue;
  writeFileSync(file, result.text);
  for (const id of result.applied) written.add(id);
  console.log(`${relative(process.cwd(), file)}: ${result.applied.length} challenge(s)`);
}
const missing = Object.keys(table).filter((id) => !written.has(id));
console.log(`${written.size} challenge(s) updated; ${missing.length} not found in ${relative(process.cwd(), dir) || '.'}${missing.length > 0 ? `: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}` : ''}`);
