import { isMap, isSeq, parseDocument } from 'yaml';

/** Calibrated parameters by challenge id, as `npm run calibrate` writes them under `items`. */
export type IrtTable = Readonly<Record<string, { readonly difficulty: number; readonly discrimination: number }>>;

/** Decimals kept in the content: far below any standard error a calibration can reach. */
const DECIMALS = 3;

/**
 * Writes calibrated 2PL parameters into a tube file as `irt: { difficulty, discrimination }`
 * right after each challenge's `- id:` line, or in place of an `irt` already there. The edit is made
 * on the text, so the rest of the file keeps its exact form (a YAML round trip would restyle
 * it); the result is parsed again and refused unless every challenge reads back as written.
 * @throws Error when the edited text does not read back as intended.
 */
export function applyIrtToTubeYaml(text: string, table: IrtTable): { text: string; applied: string[] } {
  const lines = text.split('\n');
  const applied: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const match = /^(\s*)- id: "?([^"\s]+)"?\s*$/.exec(lines[i] ?? '');
    const id = match?.[2];
    const params = id === undefined ? undefined : table[id];
    if (!match || id === undefined || !params) continue;
    const keyIndent = `${match[1] ?? ''}  `;
    const irtLine = `${keyIndent}irt: { difficulty: ${round(params.difficulty)}, discrimination: ${round(params.discrimination)} }`;
    // The challenge's own keys follow at `keyIndent`; an existing irt (flow or block) is replaced.
    let end = i + 1;
    while (end < lines.length && isInside(lines[end] ?? '', keyIndent)) end++;
    const existing = lines.slice(i + 1, end).findIndex((line) => line.startsWith(`${keyIndent}irt:`));
    if (existing === -1) {
      lines.splice(i + 1, 0, irtLine);
    } else {
      const at = i + 1 + existing;
      let last = at + 1;
      while (last < end && (lines[last] ?? '').startsWith(`${keyIndent} `)) last++;
      lines.splice(at, last - at, irtLine);
    }
    applied.push(id);
  }
  const edited = lines.join('\n');
  checkReadBack(edited, table, applied);
  return { text: edited, applied };
}

/** A line still belongs to the challenge: blank, or indented at least as its keys. */
function isInside(line: string, keyIndent: string): boolean {
  return line.trim() === '' || line.startsWith(keyIndent);
}

function round(value: number): number {
  const factor = 10 ** DECIMALS;
  return Math.round(value * factor) / factor;
}

function checkReadBack(text: string, table: IrtTable, applied: readonly string[]): void {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`the edited file is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  const found = new Map<string, unknown>();
  const skills = doc.get('skills');
  if (isSeq(skills)) {
    for (const skill of skills.items) {
      const challenges = isMap(skill) ? skill.get('challenges') : undefined;
      if (!isSeq(challenges)) continue;
      for (const challenge of challenges.items) {
        if (isMap(challenge)) found.set(String(challenge.get('id')), challenge.toJSON());
      }
    }
  }
  for (const id of applied) {
    const params = table[id];
    const irt = (found.get(id) as { irt?: { difficulty?: unknown; discrimination?: unknown } } | undefined)?.irt;
    if (!params || irt?.difficulty !== round(params.difficulty) || irt.discrimination !== round(params.discrimination)) {
      throw new Error(`challenge ${id} does not read back with the parameters written`);
    }
  }
}
