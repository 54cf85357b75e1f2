import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { irtParametersOf } from '@jalon/engine';
import { groupBy } from './group-by';
import type { LoadedContent } from './loader';
import { computePixValues } from './pix-value';
import type {
  Release,
  ReleaseArea,
  ReleaseChallenge,
  ReleaseCompetence,
  ReleaseSkill,
  ReleaseStage,
  ReleaseTargetProfile,
  ReleaseThematic,
  ReleaseTube,
} from './release';
import { solutionText } from './solution';
import type { StageFile } from './schema';

const mediaTypes: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  csv: 'text/csv; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

function mediaTypeOf(path: string): string {
  return mediaTypes[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function stageId(profileId: string, stage: StageFile): string {
  if (stage.isFirstSkill) return `${profileId}:first-skill`;
  if (stage.level !== undefined) return `${profileId}:level-${stage.level}`;
  return `${profileId}:threshold-${stage.threshold ?? 0}`;
}

/**
 * Compiles linted content into an immutable release. Call it only on content without lint
 * errors: the compiler trusts ids and references.
 */
export function compileRelease(content: LoadedContent, version: string): Release {
  const competenceOrigin = new Map(content.competences.map((c) => [c.id, c.origin]));
  const tubesByThematic = groupBy(content.tubes, (tube) => tube.data.thematic);
  const skillsByTube = groupBy(content.skills, (skill) => skill.tubeId);
  const challengesBySkill = groupBy(content.challenges, (challenge) => challenge.skillId);
  const thematicsByCompetence = groupBy(content.thematics, (thematic) => thematic.competenceId);

  const areas: ReleaseArea[] = content.areas.map((area) => ({
    id: area.id,
    code: area.code,
    color: area.color,
    title: area.title,
    competenceIds: content.competences.filter((c) => c.areaId === area.id).map((c) => c.id),
  }));
  const competences: ReleaseCompetence[] = content.competences.map((c) => ({
    id: c.id,
    index: c.index,
    name: c.name,
    description: c.description,
    areaId: c.areaId,
    origin: c.origin,
    thematicIds: (thematicsByCompetence.get(c.id) ?? []).map((t) => t.id),
  }));
  const thematics: ReleaseThematic[] = content.competences.flatMap((c) =>
    (thematicsByCompetence.get(c.id) ?? []).map((t, index) => ({
      id: t.id,
      name: t.name,
      index,
      competenceId: c.id,
      tubeIds: (tubesByThematic.get(t.id) ?? []).map((tube) => tube.data.id),
    })),
  );

  const sortedSkills = [...content.skills].sort((a, b) => (a.tubeId === b.tubeId ? a.data.level - b.data.level : 0));
  const pixValues = computePixValues(
    sortedSkills.map((skill) => ({
      id: skill.id,
      competenceId: skill.competenceId,
      level: skill.data.level,
      counts:
        skill.data.status === 'active' &&
        competenceOrigin.get(skill.competenceId) === 'jalon' &&
        (challengesBySkill.get(skill.id) ?? []).some((c) => c.data.status === 'validated'),
    })),
  );
  const tubes: ReleaseTube[] = content.tubes.map(({ data }) => {
    const skills = (skillsByTube.get(data.id) ?? []).sort((a, b) => a.data.level - b.data.level);
    const active = skills.filter((skill) => skill.data.status === 'active');
    return {
      id: data.id,
      competenceId: data.competence,
      thematicId: data.thematic,
      practicalTitle: data.practicalTitle,
      practicalDescription: data.practicalDescription,
      devices: data.devices,
      maxLevel: Math.max(0, ...active.map((skill) => skill.data.level)),
      skillIds: skills.map((skill) => skill.id),
    };
  });
  const tubeDevices = new Map(tubes.map((tube) => [tube.id, tube.devices]));
  const skills: ReleaseSkill[] = sortedSkills.map((skill) => ({
    id: skill.id,
    tubeId: skill.tubeId,
    competenceId: skill.competenceId,
    level: skill.data.level,
    status: skill.data.status,
    ...(skill.data.hint ? { hint: skill.data.hint } : {}),
    hintStatus: skill.data.hintStatus,
    tutorials: skill.data.tutorials,
    learningMoreTutorials: skill.data.learningMoreTutorials,
    pixValue: pixValues.get(skill.id) ?? 0,
    challengeIds: (challengesBySkill.get(skill.id) ?? []).map((c) => c.data.id),
  }));
  const skillLevel = new Map(content.skills.map((skill) => [skill.id, skill.data.level]));
  const challenges: ReleaseChallenge[] = content.challenges.map(({ data, skillId, tubeId, competenceId }) => ({
    ...data,
    skillId,
    tubeId,
    competenceId,
    solution: solutionText(data.solution),
    tolerances: data.tolerances ?? [],
    devices: data.devices ?? tubeDevices.get(tubeId) ?? { tablet: false, mobile: false },
    irt: irtParametersOf(data, skillLevel.get(skillId) ?? 0),
  }));
  const targetProfiles: ReleaseTargetProfile[] = content.targetProfiles.map(({ data }) => ({
    ...data,
    stages: data.stages.map((stage): ReleaseStage => ({ id: stageId(data.id, stage), ...stage })),
  }));
  const assets = [...content.assets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, file]) => {
      const bytes = readFileSync(file);
      return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: mediaTypeOf(path) };
    });

  const body = {
    areas,
    competences,
    thematics,
    tubes,
    skills,
    challenges,
    tutorials: content.tutorials.map((t) => t.data),
    targetProfiles,
    assets,
  };
  const contentHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return deepFreeze({ id: `${version}+${contentHash.slice(0, 12)}`, version, contentHash, ...body });
}
