import { groupBy } from '../group-by';
import type { LoadedContent } from '../loader';
import type { Site } from '../yaml-source';
import type { Findings } from './findings';
import { servesLocale, supportedLocales } from './locales';
import { forbiddenHtmlTags } from './markdown';

const idPatterns = {
  area: /^a\d+$/,
  competence: /^c\d+\.\d+$/,
  thematic: /^th\d+\.\d+-[a-z0-9]+(-[a-z0-9]+)*$/,
  // A tube id never ends with a digit, so that tube + level reads unambiguously.
  tube: /^@[a-z][A-Za-z0-9]*[A-Za-z]$/,
  tutorial: /^tuto-[a-z0-9]+(-[a-z0-9]+)*$/,
  targetProfile: /^tp-[a-z0-9]+(-[a-z0-9]+)*$/,
  badge: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/,
} as const;

/** The core framework of content-model §2: competence index → area id. */
const coreCompetences: Record<string, string> = {
  '1.1': 'a1', '1.2': 'a1', '1.3': 'a1',
  '2.1': 'a2', '2.2': 'a2', '2.3': 'a2', '2.4': 'a2',
  '3.1': 'a3', '3.2': 'a3', '3.3': 'a3', '3.4': 'a3',
  '4.1': 'a4', '4.2': 'a4', '4.3': 'a4',
  '5.1': 'a5', '5.2': 'a5',
};

/** L01: global id uniqueness, id syntax per kind, skills per tube. */
export function checkIdentifiers(findings: Findings, content: LoadedContent): void {
  const seen = new Map<string, Site>();
  const claim = (id: string, kind: keyof typeof idPatterns | 'skill' | 'challenge', site: Site, field: (string | number)[] = ['id']): void => {
    if (kind !== 'skill' && kind !== 'challenge' && !idPatterns[kind].test(id)) {
      findings.error('L01', site, field, `"${id}" is not a valid ${kind} id`);
    }
    const previous = seen.get(id);
    if (previous) findings.error('L01', site, field, `id ${id} is already used at ${previous.file}:${previous.line()}`);
    else seen.set(id, site);
  };

  for (const area of content.areas) claim(area.id, 'area', area.site);
  for (const competence of content.competences) {
    claim(competence.id, 'competence', competence.site);
    if (competence.id !== `c${competence.index}`) findings.error('L01', competence.site, ['index'], `competence ${competence.id} has index ${competence.index}`);
  }
  const competenceIds = new Set(content.competences.map((c) => c.id));
  const thematicCompetence = new Map(content.thematics.map((t) => [t.id, t.competenceId]));
  for (const thematic of content.thematics) {
    claim(thematic.id, 'thematic', thematic.site);
    if (!competenceIds.has(thematic.competenceId)) findings.error('L01', thematic.site, [], `unknown competence ${thematic.competenceId}`);
  }
  for (const tube of content.tubes) {
    const { data, site } = tube;
    claim(data.id, 'tube', site);
    if (!competenceIds.has(data.competence)) findings.error('L01', site, ['competence'], `unknown competence ${data.competence}`);
    const owner = thematicCompetence.get(data.thematic);
    if (owner === undefined) findings.error('L01', site, ['thematic'], `unknown thematic ${data.thematic}`);
    else if (owner !== data.competence) findings.error('L01', site, ['thematic'], `thematic ${data.thematic} belongs to ${owner}, not ${data.competence}`);
  }
  for (const skill of content.skills) {
    const { data, site } = skill;
    if (data.level < 1 || data.level > 8) findings.error('L01', site, ['level'], `level ${data.level} is outside 1–8`);
    if (data.id !== undefined && data.id !== skill.id) findings.error('L01', site, ['id'], `skill id must be tube id + level: ${skill.id}`);
    claim(skill.id, 'skill', site, ['level']);
  }
  for (const challenge of content.challenges) {
    const { id } = challenge.data;
    if (!new RegExp(`^${challenge.skillId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{2,}$`).test(id)) {
      findings.error('L01', challenge.site, ['id'], `challenge id ${id} must be ${challenge.skillId}-nn`);
    }
    claim(id, 'challenge', challenge.site);
  }
  for (const tutorial of content.tutorials) claim(tutorial.data.id, 'tutorial', tutorial.site);
  for (const profile of content.targetProfiles) {
    claim(profile.data.id, 'targetProfile', profile.site);
    profile.data.badges.forEach((badge, b) => claim(badge.key, 'badge', profile.site.child('badges', b), ['key']));
  }
}

/** L02: exactly the 5 areas and 16 competences of the core framework. */
export function checkFramework(findings: Findings, content: LoadedContent): void {
  const core = content.competences.filter((competence) => competence.origin === 'jalon');
  const coreAreas = new Set(core.map((competence) => competence.areaId));
  const where = content.areas[0]?.site ?? core[0]?.site;
  if (!where) {
    findings.errorInFile('L02', content.dirs[0] ?? '.', 'framework.yaml is missing: no areas and no competences');
    return;
  }
  if (coreAreas.size !== 5 || content.areas.filter((area) => coreAreas.has(area.id)).length !== 5) {
    findings.error('L02', where, [], `the core framework must have exactly 5 areas, found ${coreAreas.size}`);
  }
  const indices = core.map((competence) => competence.index);
  const expected = Object.keys(coreCompetences);
  if (indices.length !== 16 || expected.some((index) => !indices.includes(index))) {
    findings.error('L02', where, [], `the core framework must have competences ${expected.join(' ')}, found ${indices.join(' ')}`);
  }
  for (const competence of core) {
    const area = coreCompetences[competence.index];
    if (area === undefined) findings.error('L02', competence.site, ['index'], `${competence.index} is not a core competence`);
    else if (area !== competence.areaId) findings.error('L02', competence.site, [], `competence ${competence.index} belongs to area ${area}`);
  }
}

/** L03, L11 (tutorial references and links), W01. */
export function checkSkillsAndTutorials(findings: Findings, content: LoadedContent): void {
  const tutorialIds = new Set(content.tutorials.map((tutorial) => tutorial.data.id));
  for (const tutorial of content.tutorials) {
    const { data, site } = tutorial;
    if (!/^https:\/\/[^\s/]+/.test(data.link)) findings.error('L11', site, ['link'], `tutorial link must be https: ${data.link}`);
    if (!(supportedLocales as readonly string[]).includes(data.locale)) findings.error('L11', site, ['locale'], `unsupported locale ${data.locale}`);
  }

  const challengesBySkill = groupBy(content.challenges, (challenge) => challenge.skillId);
  for (const skill of content.skills) {
    const { data, site } = skill;
    for (const field of ['tutorials', 'learningMoreTutorials'] as const) {
      data[field].forEach((id, t) => {
        if (!tutorialIds.has(id)) findings.error('L11', site, [field, t], `unknown tutorial ${id}`);
      });
    }
    for (const [locale, text] of Object.entries(data.hint ?? {})) {
      const tags = forbiddenHtmlTags(text);
      if (tags.length > 0) findings.error('L11', site, ['hint', locale], `raw HTML <${tags.join('>, <')}> is not allowed in Markdown`);
    }
    if (data.status !== 'active') continue;
    const challenges = challengesBySkill.get(skill.id) ?? [];
    const playableInFrench = challenges.some((c) => c.data.status === 'validated' && servesLocale(c.data.locales, 'fr'));
    if (!playableInFrench) findings.error('L03', site, ['level'], `active skill ${skill.id} has no validated challenge in fr or fr-FR`);
    const operative = challenges.filter((c) => c.data.status === 'validated' || c.data.status === 'archived');
    if (operative.length === 1) findings.warning('W01', site, ['level'], `active skill ${skill.id} has only one operative challenge`);
  }

  const skillsByTube = groupBy(content.skills, (skill) => skill.tubeId);
  for (const tube of content.tubes) {
    const skills = skillsByTube.get(tube.data.id) ?? [];
    if (!skills.some((skill) => skill.data.tutorials.length + skill.data.learningMoreTutorials.length > 0)) {
      findings.warning('W01', tube.site, ['id'], `tube ${tube.data.id} has no tutorials`);
    }
  }
  for (const challenge of content.challenges) {
    const { data, site } = challenge;
    if (data.type !== 'QCU' && data.type !== 'QCM' && !data.solutionToDisplay?.trim()) {
      findings.warning('W01', site, ['id'], `${data.type} challenge ${data.id} has no solutionToDisplay`);
    }
  }
}
