import type { LoadedChallenge } from '../loader';
import { parseProposals } from '../proposals';
import type { ProposalBlock } from '../proposals';
import {
  becomesEmpty,
  isNumericAnswer,
  parseChoiceSolution,
  parseQrocmSolution,
  parseQrocSolution,
  solutionText,
} from '../solution';
import type { Findings } from './findings';
import { supportedLocales } from './locales';
import { forbiddenHtmlTags } from './markdown';

/** What the challenge rules need to know about the rest of the content. */
export interface ChallengeRuleContext {
  readonly assets: ReadonlyMap<string, string>;
  readonly embedOrigins: readonly string[];
}

const toleranceNames = ['t1', 't2', 't3'];

function checkAnswers(
  findings: Findings,
  challenge: LoadedChallenge,
  label: string,
  answers: readonly string[],
  block: ProposalBlock | undefined,
): void {
  const { data, site } = challenge;
  const tolerances = data.tolerances ?? [];
  for (const answer of answers) {
    if (block?.options) {
      if (!block.options.includes(answer)) {
        findings.error('L09', site, ['solution'], `${label}: "${answer}" is not an option of the drop-down ${block.key}`);
      }
    } else if (becomesEmpty(answer, tolerances)) {
      findings.error('L06', site, ['solution'], `${label}: "${answer}" becomes empty with tolerances ${tolerances.join(', ')}`);
    }
  }
}

function checkSolution(findings: Findings, challenge: LoadedChallenge, blocks: readonly ProposalBlock[], optionCount: number): void {
  const { data, site } = challenge;
  const text = solutionText(data.solution);
  if (data.type === 'QCU' || data.type === 'QCM') {
    const parsed = parseChoiceSolution(text);
    if (!parsed.ok) return findings.error('L05', site, ['solution'], parsed.error);
    const numbers = parsed.value;
    if (data.type === 'QCU' && numbers.length !== 1) findings.error('L05', site, ['solution'], 'QCU solution must be one option');
    if (new Set(numbers).size !== numbers.length) findings.error('L05', site, ['solution'], 'solution repeats an option');
    const outOfRange = numbers.filter((n) => n < 1 || n > optionCount);
    if (outOfRange.length > 0) findings.error('L05', site, ['solution'], `option ${outOfRange.join(', ')} out of 1…${optionCount}`);
    return;
  }
  if (data.type === 'QROC') {
    const answers = parseQrocSolution(text);
    if (answers.length === 0) return findings.error('L06', site, ['solution'], 'QROC solution has no accepted answer');
    if (data.format === 'number' && !blocks[0]?.options) {
      const notNumeric = answers.filter((answer) => !isNumericAnswer(answer));
      if (notNumeric.length > 0) findings.error('L06', site, ['solution'], `format number but not numeric: ${notNumeric.join(', ')}`);
    }
    checkAnswers(findings, challenge, 'solution', answers, blocks[0]);
    return;
  }
  const parsed = parseQrocmSolution(text);
  if (!parsed.ok) return findings.error('L07', site, ['solution'], parsed.error);
  const solution = parsed.value;
  if (data.type === 'QROCM-ind') {
    const blockKeys = blocks.map((block) => block.key).sort();
    const solutionKeys = [...solution.keys()].sort();
    if (blockKeys.join() !== solutionKeys.join()) {
      findings.error('L07', site, ['solution'], `solution keys [${solutionKeys.join(', ')}] differ from block keys [${blockKeys.join(', ')}]`);
    }
    for (const block of blocks) checkAnswers(findings, challenge, block.key, solution.get(block.key) ?? [], block);
    return;
  }
  if (solution.size < blocks.length) {
    findings.error('L07', site, ['solution'], `QROCM-dep needs at least as many groups (${solution.size}) as blocks (${blocks.length})`);
  }
  const selects = blocks.filter((block) => block.options);
  const sharedOptions = selects.length === blocks.length ? { key: blocks.map((b) => b.key).join('/'), options: selects.flatMap((b) => b.options ?? []) } : undefined;
  for (const [group, answers] of solution) checkAnswers(findings, challenge, group, answers, sharedOptions);
}

function checkMarkdown(findings: Findings, challenge: LoadedChallenge): void {
  const { data, site } = challenge;
  const fields = ['instruction', 'alternativeInstruction', 'proposals', 'solutionToDisplay'] as const;
  for (const field of fields) {
    const text = data[field];
    if (text === undefined) continue;
    const tags = forbiddenHtmlTags(text);
    if (tags.length > 0) findings.error('L11', site, [field], `raw HTML <${tags.join('>, <')}> is not allowed in Markdown`);
  }
}

function checkMedia(findings: Findings, challenge: LoadedChallenge, context: ChallengeRuleContext): void {
  const { data, site } = challenge;
  if (data.timer !== undefined && (data.timer < 1 || data.timer > 3600)) {
    findings.error('L10', site, ['timer'], `timer ${data.timer} is outside 1–3600 seconds`);
  }
  if (data.shuffled && data.type !== 'QCU' && data.type !== 'QCM') {
    findings.error('L10', site, ['shuffled'], `shuffled is only for QCU/QCM, not ${data.type}`);
  }
  if (data.illustration) {
    const { url, alt, decorative } = data.illustration;
    if (!decorative && !alt?.trim()) findings.error('L10', site, ['illustration'], 'illustration needs alt text or decorative: true');
    if (!context.assets.has(url)) findings.error('L10', site, ['illustration', 'url'], `asset ${url} not found`);
  }
  data.attachments.forEach((attachment, a) => {
    attachment.files.forEach((file, f) => {
      if (!context.assets.has(file)) findings.error('L10', site, ['attachments', a, 'files', f], `asset ${file} not found`);
    });
  });
  if (data.embed) {
    const { url, title, height } = data.embed;
    if (/^https:\/\//.test(url)) {
      const origin = new URL(url).origin;
      if (!context.embedOrigins.includes(origin)) findings.error('L10', site, ['embed', 'url'], `embed origin ${origin} is not allow-listed`);
    } else if (!context.assets.has(url)) {
      findings.error('L10', site, ['embed', 'url'], `embed ${url} is neither an asset nor an allow-listed https URL`);
    }
    if (!title.trim()) findings.error('L10', site, ['embed'], 'embed needs a title');
    if (height < 100 || height > 2000) findings.error('L10', site, ['embed', 'height'], `embed height ${height} is outside 100–2000`);
  }
}

/** Rules L04–L11 that concern one challenge on its own. */
export function checkChallenge(findings: Findings, challenge: LoadedChallenge, context: ChallengeRuleContext): void {
  const { data, site } = challenge;
  const freeText = data.type !== 'QCU' && data.type !== 'QCM';

  if (freeText) {
    if (data.tolerances === undefined) findings.error('L08', site, [], `${data.type} must declare tolerances (possibly [])`);
    else {
      const unknown = data.tolerances.filter((t) => !toleranceNames.includes(t));
      if (unknown.length > 0) findings.error('L08', site, ['tolerances'], `unknown tolerances ${unknown.join(', ')}`);
      if (new Set(data.tolerances).size !== data.tolerances.length) findings.error('L08', site, ['tolerances'], 'duplicate tolerance');
    }
  } else if (data.tolerances !== undefined) {
    findings.error('L08', site, ['tolerances'], `${data.type} takes no tolerances`);
  }

  if (data.locales.length === 0) findings.error('L11', site, ['locales'], 'locales must not be empty');
  const unsupported = data.locales.filter((locale) => !(supportedLocales as readonly string[]).includes(locale));
  if (unsupported.length > 0) findings.error('L11', site, ['locales'], `unsupported locales ${unsupported.join(', ')}`);
  checkMarkdown(findings, challenge);
  checkMedia(findings, challenge, context);

  const proposals = parseProposals(data.type, data.proposals);
  if (!proposals.ok) return findings.error('L04', site, ['proposals'], proposals.error);
  const parsed = proposals.value;
  if (parsed.kind === 'options') checkSolution(findings, challenge, [], parsed.options.length);
  else checkSolution(findings, challenge, parsed.blocks, 0);
}
