import { groupBy } from '../group-by';
import type { LoadedContent, LoadedSkill, LoadedTargetProfile } from '../loader';
import type { Findings } from './findings';
import { servesLocale, supportedLocales } from './locales';
import { forbiddenHtmlTags } from './markdown';

function checkStages(findings: Findings, profile: LoadedTargetProfile, highestCap: number): void {
  const { stages } = profile.data;
  if (stages.length === 0) return;
  const site = profile.site;
  const firstSkill = stages.filter((stage) => stage.isFirstSkill);
  if (firstSkill.length > 1) findings.error('L12', site, ['stages'], 'at most one first-skill stage');
  const byThreshold: number[] = [];
  const byLevel: number[] = [];
  stages.forEach((stage, s) => {
    const where = ['stages', s];
    if (stage.isFirstSkill) {
      if (stage.threshold !== undefined || stage.level !== undefined) {
        findings.error('L12', site, where, 'a first-skill stage has neither threshold nor level');
      }
      return;
    }
    if ((stage.threshold === undefined) === (stage.level === undefined)) {
      findings.error('L12', site, where, 'a stage has exactly one of threshold, level, isFirstSkill');
      return;
    }
    if (stage.threshold !== undefined) {
      if (stage.threshold < 0 || stage.threshold > 100) findings.error('L12', site, [...where, 'threshold'], `threshold ${stage.threshold} is outside 0–100`);
      byThreshold.push(stage.threshold);
    }
    if (stage.level !== undefined) {
      if (stage.level < 0 || stage.level > highestCap) findings.error('L12', site, [...where, 'level'], `level ${stage.level} is outside 0–${highestCap} (highest cap)`);
      byLevel.push(stage.level);
    }
  });
  if (byThreshold.length > 0 && byLevel.length > 0) findings.error('L12', site, ['stages'], 'stages are all threshold-based or all level-based');
  const values = byThreshold.length > 0 ? byThreshold : byLevel;
  if (new Set(values).size !== values.length) findings.error('L12', site, ['stages'], 'stage values must be unique');
  if (!values.includes(0)) findings.error('L12', site, ['stages'], 'a zero stage (threshold 0 or level 0) is mandatory');
}

function checkBadges(findings: Findings, profile: LoadedTargetProfile, caps: ReadonlyMap<string, number>, assets: ReadonlyMap<string, string>): void {
  profile.data.badges.forEach((badge, b) => {
    const where = ['badges', b];
    if (!assets.has(badge.imageUrl)) findings.error('L10', profile.site, [...where, 'imageUrl'], `asset ${badge.imageUrl} not found`);
    badge.criteria.forEach((criterion, c) => {
      const at = [...where, 'criteria', c];
      if (criterion.threshold < 1 || criterion.threshold > 100) {
        findings.error('L12', profile.site, [...at, 'threshold'], `badge threshold ${criterion.threshold} is outside 1–100`);
      }
      if (criterion.scope !== 'CappedTubes') return;
      criterion.cappedTubes.forEach((capped, t) => {
        const cap = caps.get(capped.tubeId);
        if (cap === undefined) findings.error('L12', profile.site, [...at, 'cappedTubes', t], `badge tube ${capped.tubeId} is not in the parcours`);
        else if (capped.level < 1 || capped.level > cap) {
          findings.error('L12', profile.site, [...at, 'cappedTubes', t], `badge cap ${capped.level} of ${capped.tubeId} is outside 1–${cap} (parcours cap)`);
        }
      });
    });
  });
}

/** L12 (tubes, caps, stages, badges) and L14 (every declared locale is playable). */
export function checkTargetProfiles(findings: Findings, content: LoadedContent): void {
  const skillsByTube = groupBy(content.skills, (skill) => skill.tubeId);
  const challengesBySkill = groupBy(content.challenges, (challenge) => challenge.skillId);
  for (const profile of content.targetProfiles) {
    const { data, site } = profile;
    const unsupported = data.locales.filter((locale) => !(supportedLocales as readonly string[]).includes(locale));
    if (data.locales.length === 0 || unsupported.length > 0) findings.error('L11', site, ['locales'], `locales must be a non-empty subset of ${supportedLocales.join(', ')}`);
    if (data.imageUrl !== undefined && !content.assets.has(data.imageUrl)) findings.error('L10', site, ['imageUrl'], `asset ${data.imageUrl} not found`);

    const texts: [(string | number)[], string][] = [
      [['description'], data.description],
      ...data.stages.flatMap((stage, s): [(string | number)[], string][] => [[['stages', s, 'message'], stage.message]]),
      ...data.badges.flatMap((badge, b): [(string | number)[], string][] => [[['badges', b, 'message'], badge.message]]),
    ];
    for (const [field, text] of texts) {
      const tags = forbiddenHtmlTags(text);
      if (tags.length > 0) findings.error('L11', site, field, `raw HTML <${tags.join('>, <')}> is not allowed in Markdown`);
    }

    const caps = new Map<string, number>();
    const targetSkills: LoadedSkill[] = [];
    data.tubes.forEach((capped, t) => {
      const where = ['tubes', t];
      if (caps.has(capped.tubeId)) findings.error('L12', site, where, `tube ${capped.tubeId} is listed twice`);
      caps.set(capped.tubeId, capped.level);
      const skills = skillsByTube.get(capped.tubeId);
      if (!skills) return findings.error('L12', site, where, `unknown tube ${capped.tubeId}`);
      if (capped.level < 1 || capped.level > 8) return findings.error('L12', site, [...where, 'level'], `cap ${capped.level} is outside 1–8`);
      const active = skills.filter((skill) => skill.data.status === 'active' && skill.data.level <= capped.level);
      if (active.length === 0) findings.error('L12', site, where, `tube ${capped.tubeId} has no active skill at or below level ${capped.level}`);
      targetSkills.push(...active);
    });
    checkStages(findings, profile, Math.max(0, ...caps.values()));
    checkBadges(findings, profile, caps, content.assets);

    if (data.locales.length < 2) continue;
    for (const skill of targetSkills) {
      for (const locale of data.locales) {
        const playable = (challengesBySkill.get(skill.id) ?? []).some(
          (challenge) => challenge.data.status === 'validated' && servesLocale(challenge.data.locales, locale),
        );
        if (!playable) findings.error('L14', site, ['locales'], `skill ${skill.id} has no validated challenge in ${locale}`);
      }
    }
  }
}
