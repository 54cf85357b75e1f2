import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { delimiter, join, relative, resolve, sep } from 'node:path';
import type { z } from 'zod';
import type { Problem } from './problems';
import {
  frameworkFileSchema,
  targetProfileFileSchema,
  thematicsFileSchema,
  tubeFileSchema,
  tutorialsFileSchema,
} from './schema';
import type {
  ChallengeFile,
  LocalizedText,
  SkillFile,
  TargetProfileFile,
  TubeFile,
  TutorialFile,
} from './schema';
import { parseYamlSource, Site } from './yaml-source';
import type { YamlSource } from './yaml-source';
import { contentPackageDir } from './package-dir';

/** Jalon's own content folder, shipped with this package. */
export const coreContentDir = join(contentPackageDir, 'bank');

/**
 * The content folders to load: ours, then the extra ones listed in `JALON_CONTENT_DIRS`
 * (separated like `PATH`), e.g. a school's or a publisher's parcours.
 */
export function contentDirsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = (env.JALON_CONTENT_DIRS ?? '')
    .split(delimiter)
    .map((dir) => dir.trim())
    .filter((dir) => dir.length > 0)
    .map((dir) => resolve(dir));
  return [coreContentDir, ...extra];
}

export interface LoadedArea {
  readonly id: string;
  readonly code: string;
  readonly color: string;
  readonly title: LocalizedText;
  readonly site: Site;
}

export interface LoadedCompetence {
  readonly id: string;
  readonly index: string;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly origin: string;
  readonly areaId: string;
  readonly site: Site;
}

export interface LoadedThematic {
  readonly id: string;
  readonly name: LocalizedText;
  readonly competenceId: string;
  readonly site: Site;
}

export interface LoadedTube {
  readonly data: TubeFile;
  readonly site: Site;
}

export interface LoadedSkill {
  /** Tube id + level digit, whatever the file wrote in its optional `id`. */
  readonly id: string;
  readonly tubeId: string;
  readonly competenceId: string;
  readonly data: SkillFile;
  readonly site: Site;
}

export interface LoadedChallenge {
  readonly skillId: string;
  readonly tubeId: string;
  readonly competenceId: string;
  readonly data: ChallengeFile;
  readonly site: Site;
}

export interface LoadedTutorial {
  readonly data: TutorialFile;
  readonly site: Site;
}

export interface LoadedTargetProfile {
  readonly data: TargetProfileFile;
  readonly site: Site;
}

/** Everything read from the content folders, in file order, with where each object was written. */
export interface LoadedContent {
  readonly dirs: readonly string[];
  readonly areas: LoadedArea[];
  readonly competences: LoadedCompetence[];
  readonly thematics: LoadedThematic[];
  readonly tubes: LoadedTube[];
  readonly skills: LoadedSkill[];
  readonly challenges: LoadedChallenge[];
  readonly tutorials: LoadedTutorial[];
  readonly targetProfiles: LoadedTargetProfile[];
  /** Asset path as written in content (`assets/…`, `/` separated) → absolute file path. */
  readonly assets: Map<string, string>;
  /** Files that could not be read or do not match the format (`L00`), and asset clashes. */
  readonly problems: Problem[];
}

function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(entry.name)) found.push(path);
  }
  return found.sort();
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found.sort();
}

/**
 * Reads the content folders (spec content-model §9) without judging their content:
 * a file that does not parse or does not match the format is reported as `L00` and skipped,
 * every other rule belongs to the linter.
 */
export function loadContent(dirs: readonly string[] = contentDirsFromEnv()): LoadedContent {
  const content: LoadedContent = {
    dirs,
    areas: [],
    competences: [],
    thematics: [],
    tubes: [],
    skills: [],
    challenges: [],
    tutorials: [],
    targetProfiles: [],
    assets: new Map(),
    problems: [],
  };

  function read<S extends z.ZodType>(file: string, schema: S): { data: z.output<S>; source: YamlSource } | undefined {
    const source = parseYamlSource(file, readFileSync(file, 'utf8'));
    for (const error of source.syntaxErrors) {
      content.problems.push({ file, line: error.line, code: 'L00', severity: 'error', message: `YAML: ${error.message}` });
    }
    if (source.syntaxErrors.length > 0) return undefined;
    const parsed = schema.safeParse(source.data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        content.problems.push({
          file,
          line: source.lineOf(path),
          code: 'L00',
          severity: 'error',
          message: `${path.length > 0 ? path.join('.') : '(file)'}: ${issue.message}`,
        });
      }
      return undefined;
    }
    return { data: parsed.data, source };
  }

  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      content.problems.push({ file: dir, line: 1, code: 'L00', severity: 'error', message: 'content folder not found' });
      continue;
    }
    const frameworkFile = join(dir, 'framework.yaml');
    if (existsSync(frameworkFile)) {
      const framework = read(frameworkFile, frameworkFileSchema);
      framework?.data.areas.forEach((area, a) => {
        const areaSite = new Site(framework.source, ['areas', a]);
        content.areas.push({ id: area.id, code: area.code, color: area.color, title: area.title, site: areaSite });
        area.competences.forEach((competence, c) => {
          const site = areaSite.child('competences', c);
          content.competences.push({
            id: competence.id,
            index: competence.index,
            name: competence.name,
            description: competence.description,
            origin: competence.origin,
            areaId: area.id,
            site,
          });
          competence.thematics.forEach((thematic, t) => {
            content.thematics.push({ ...thematic, competenceId: competence.id, site: site.child('thematics', t) });
          });
        });
      });
    }
    const thematicsFile = join(dir, 'thematics.yaml');
    if (existsSync(thematicsFile)) {
      const thematics = read(thematicsFile, thematicsFileSchema);
      thematics?.data.thematics.forEach(({ competence, ...thematic }, t) => {
        content.thematics.push({ ...thematic, competenceId: competence, site: new Site(thematics.source, ['thematics', t]) });
      });
    }
    for (const file of yamlFilesUnder(join(dir, 'tubes'))) {
      const tube = read(file, tubeFileSchema);
      if (!tube) continue;
      const tubeSite = new Site(tube.source, []);
      content.tubes.push({ data: tube.data, site: tubeSite });
      tube.data.skills.forEach((skill, s) => {
        const skillId = `${tube.data.id}${skill.level}`;
        const skillSite = tubeSite.child('skills', s);
        const owner = { tubeId: tube.data.id, competenceId: tube.data.competence };
        content.skills.push({ id: skillId, ...owner, data: skill, site: skillSite });
        skill.challenges.forEach((challenge, c) => {
          content.challenges.push({ skillId, ...owner, data: challenge, site: skillSite.child('challenges', c) });
        });
      });
    }
    for (const file of yamlFilesUnder(join(dir, 'tutorials'))) {
      const tutorials = read(file, tutorialsFileSchema);
      tutorials?.data.tutorials.forEach((tutorial, t) => {
        content.tutorials.push({ data: tutorial, site: new Site(tutorials.source, ['tutorials', t]) });
      });
    }
    for (const file of yamlFilesUnder(join(dir, 'target-profiles'))) {
      const profile = read(file, targetProfileFileSchema);
      if (profile) content.targetProfiles.push({ data: profile.data, site: new Site(profile.source, []) });
    }
    for (const file of filesUnder(join(dir, 'assets'))) {
      const key = relative(dir, file).split(sep).join('/');
      if (content.assets.has(key)) {
        content.problems.push({
          file, line: 1, code: 'L10', severity: 'error',
          message: `asset ${key} is already provided by another content folder`,
        });
      } else {
        content.assets.set(key, file);
      }
    }
  }
  return content;
}
