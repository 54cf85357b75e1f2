import type { LoadedContent } from '../loader';
import type { PublishedLedger } from '../ledger';
import type { Findings } from './findings';

/** L13: nothing published disappears, and no challenge changes skill or type. */
export function checkHistory(findings: Findings, content: LoadedContent, ledger: PublishedLedger, ledgerFile: string): void {
  const present = new Set<string>([
    ...content.areas.map((a) => a.id),
    ...content.competences.map((c) => c.id),
    ...content.thematics.map((t) => t.id),
    ...content.tubes.map((t) => t.data.id),
    ...content.skills.map((s) => s.id),
    ...content.challenges.map((c) => c.data.id),
    ...content.tutorials.map((t) => t.data.id),
    ...content.targetProfiles.map((p) => p.data.id),
  ]);
  for (const [id, entry] of Object.entries(ledger.ids)) {
    if (!present.has(id)) findings.errorInFile('L13', ledgerFile, `${entry.kind} ${id} was published in ${entry.since} and has disappeared; archive it instead`);
  }
  for (const challenge of content.challenges) {
    const published = ledger.ids[challenge.data.id];
    if (published?.kind !== 'challenge') continue;
    if (published.skillId !== challenge.skillId) {
      findings.error('L13', challenge.site, ['id'], `challenge ${challenge.data.id} moved from ${published.skillId} to ${challenge.skillId}; give it a new id`);
    }
    if (published.type !== challenge.data.type) {
      findings.error('L13', challenge.site, ['type'], `challenge ${challenge.data.id} changed type from ${published.type} to ${challenge.data.type}; give it a new id`);
    }
  }
}
