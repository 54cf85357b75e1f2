/** Linter codes of spec content-model §10; `L00` is a file that does not match the format at all. */
export type ProblemCode =
  | 'L00' | 'L01' | 'L02' | 'L03' | 'L04' | 'L05' | 'L06' | 'L07'
  | 'L08' | 'L09' | 'L10' | 'L11' | 'L12' | 'L13' | 'L14' | 'W01';

/** One finding of the loader or the linter, located in a content file. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly code: ProblemCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Formats a problem as `file:line CODE message`, with the file relative to `cwd`. */
export function formatProblem(problem: Problem, relativeTo: (file: string) => string = (f) => f): string {
  return `${relativeTo(problem.file)}:${problem.line} ${problem.code} ${problem.message}`;
}
