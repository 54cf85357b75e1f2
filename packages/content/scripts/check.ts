// Lints every content folder; `--json` prints the counts instead of the problems.
// Exit code 1 when any error is found.
import { relative } from 'node:path';
import {
  contentStats,
  defaultLedgerFile,
  embedOriginsFromEnv,
  formatProblem,
  lintContent,
  loadContent,
  readLedger,
} from '../src/index';

const json = process.argv.includes('--json');
const content = loadContent();
const problems = lintContent(content, {
  ledger: { data: readLedger(), file: defaultLedgerFile },
  embedOrigins: embedOriginsFromEnv(),
});
const stats = contentStats(content, problems);

if (json) {
  console.log(JSON.stringify(stats));
} else {
  for (const problem of problems) console.log(formatProblem(problem, (file) => relative(process.cwd(), file)));
  console.log(`${stats.errors} error(s), ${stats.warnings} warning(s)`);
}
process.exitCode = stats.errors > 0 ? 1 : 0;
