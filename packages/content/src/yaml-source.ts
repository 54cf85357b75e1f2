import { isNode, LineCounter, parseDocument } from 'yaml';

/** A path inside a YAML document: map keys and sequence indices. */
export type YamlPath = readonly (string | number)[];

/** A parsed YAML file that can tell on which line any of its values starts. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  readonly syntaxErrors: readonly { line: number; message: string }[];
  /** Line (1-based) of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: YamlPath): number;
}

/** Parses a YAML file, keeping its syntax errors and node positions instead of throwing. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const syntaxErrors = doc.errors.map((error) => ({
    line: error.linePos?.[0].line ?? 1,
    message: error.message.split('\n')[0] ?? error.message,
  }));
  return {
    file,
    data: doc.errors.length > 0 ? undefined : doc.toJS(),
    syntaxErrors,
    lineOf(path) {
      for (let depth = path.length; depth >= 0; depth -= 1) {
        const node = doc.getIn(path.slice(0, depth), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return 1;
    },
  };
}

/** Where an authored object sits: its file and its path in that file. */
export class Site {
  constructor(
    readonly source: YamlSource,
    readonly path: YamlPath,
  ) {}

  get file(): string {
    return this.source.file;
  }

  /** Line of the object itself, or of one of its fields. */
  line(...field: YamlPath): number {
    return this.source.lineOf([...this.path, ...field]);
  }

  child(...field: YamlPath): Site {
    return new Site(this.source, [...this.path, ...field]);
  }
}
