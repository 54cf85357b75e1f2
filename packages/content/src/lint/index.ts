import type { LoadedContent } from '../loader';
import type { PublishedLedger } from '../ledger';
import type { Problem } from '../problems';
import { checkChallenge } from './challenge-rules';
import { Findings } from './findings';
import { checkHistory } from './history-rules';
import { checkFramework, checkIdentifiers, checkSkillsAndTutorials } from './structure-rules';
import { checkTargetProfiles } from './target-profile-rules';

export interface LintOptions {
  /** Ids of earlier releases (L13); without it, L13 is not checked. */
  readonly ledger?: { readonly data: PublishedLedger; readonly file: string };
  /** https origins allowed for embeds besides our own assets, e.g. `https://sandbox.example.org`. */
  readonly embedOrigins?: readonly string[];
}

/**
 * Applies every rule of spec content-model §10 to loaded content. The loader's own problems
 * (`L00`) come first, then the rules' findings, in file order within each rule.
 */
export function lintContent(content: LoadedContent, options: LintOptions = {}): Problem[] {
  const findings = new Findings();
  checkIdentifiers(findings, content);
  checkFramework(findings, content);
  checkSkillsAndTutorials(findings, content);
  const context = { assets: content.assets, embedOrigins: options.embedOrigins ?? [] };
  for (const challenge of content.challenges) checkChallenge(findings, challenge, context);
  checkTargetProfiles(findings, content);
  if (options.ledger) checkHistory(findings, content, options.ledger.data, options.ledger.file);
  return [...content.problems, ...findings.problems];
}
