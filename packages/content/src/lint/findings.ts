import type { Problem, ProblemCode } from '../problems';
import type { Site, YamlPath } from '../yaml-source';

/** Collects the linter's problems, located by site and field. */
export class Findings {
  readonly problems: Problem[] = [];

  error(code: ProblemCode, site: Site, field: YamlPath, message: string): void {
    this.problems.push({ file: site.file, line: site.line(...field), code, severity: 'error', message });
  }

  warning(code: ProblemCode, site: Site, field: YamlPath, message: string): void {
    this.problems.push({ file: site.file, line: site.line(...field), code, severity: 'warning', message });
  }

  /** For problems with no authored place, e.g. an id missing from the files. */
  errorInFile(code: ProblemCode, file: string, message: string): void {
    this.problems.push({ file, line: 1, code, severity: 'error', message });
  }
}
