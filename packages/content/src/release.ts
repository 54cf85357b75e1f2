import type { ChallengeIrt } from '@jalon/engine';
import type {
  AnswerFormat,
  BadgeFile,
  ChallengeStatus,
  ChallengeType,
  LocalizedText,
  SkillStatus,
  StageFile,
  TargetProfileCategory,
  TutorialFormat,
} from './schema';

/** Whether a tube or challenge works on a tablet and on a phone. */
export interface Devices {
  readonly tablet: boolean;
  readonly mobile: boolean;
}

export interface ReleaseArea {
  readonly id: string;
  /** Shown as « {code}. {title} ». */
  readonly code: string;
  readonly color: string;
  readonly title: LocalizedText;
  readonly competenceIds: readonly string[];
}

export interface ReleaseCompetence {
  readonly id: string;
  readonly index: string;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly areaId: string;
  /** Only `jalon` competences count for pix and certifiability. */
  readonly origin: string;
  readonly thematicIds: readonly string[];
}

export interface ReleaseThematic {
  readonly id: string;
  readonly name: LocalizedText;
  readonly index: number;
  readonly competenceId: string;
  readonly tubeIds: readonly string[];
}

export interface ReleaseTube {
  readonly id: string;
  readonly competenceId: string;
  readonly thematicId: string;
  readonly practicalTitle: LocalizedText;
  readonly practicalDescription: LocalizedText;
  readonly devices: Devices;
  /** Highest level among the tube's active skills; 0 when none is active. */
  readonly maxLevel: number;
  readonly skillIds: readonly string[];
}

export interface ReleaseSkill {
  readonly id: string;
  readonly tubeId: string;
  readonly competenceId: string;
  readonly level: number;
  readonly status: SkillStatus;
  readonly hint?: LocalizedText;
  readonly hintStatus: 'proposed' | 'validated' | 'archived';
  /** Tutorial ids shown after a failure (« Pour réussir la prochaine fois »). */
  readonly tutorials: readonly string[];
  /** Tutorial ids shown after a success (« Pour en savoir plus »). */
  readonly learningMoreTutorials: readonly string[];
  /** min(4, 8 / N) for a counting skill, else 0; unrounded. */
  readonly pixValue: number;
  readonly challengeIds: readonly string[];
}

export interface ReleaseAttachment {
  readonly title: string;
  /** Asset paths of the alternative formats of one file. */
  readonly files: readonly string[];
}

export interface ReleaseChallenge {
  readonly id: string;
  readonly skillId: string;
  readonly tubeId: string;
  readonly competenceId: string;
  readonly type: ChallengeType;
  readonly status: ChallengeStatus;
  readonly locales: readonly string[];
  readonly instruction: string;
  readonly alternativeInstruction?: string;
  readonly proposals: string;
  /** In the syntax of content-model §4.2 (QCU `2`, QCM `1,3`, QROC lines, QROCM YAML text). */
  readonly solution: string;
  readonly solutionToDisplay?: string;
  readonly tolerances: readonly string[];
  readonly format: AnswerFormat;
  readonly timer?: number;
  readonly focused: boolean;
  readonly shuffled: boolean;
  readonly illustration?: { readonly url: string; readonly alt?: string; readonly decorative: boolean };
  readonly attachments: readonly ReleaseAttachment[];
  readonly embed?: { readonly url: string; readonly title: string; readonly height: number; readonly autoReply: boolean };
  readonly devices: Devices;
  /** 2PL parameters: the calibrated ones written in the content, else derived from the skill level (`irtParametersOf`). */
  readonly irt: ChallengeIrt;
}

export interface ReleaseTutorial {
  readonly id: string;
  readonly title: string;
  readonly link: string;
  readonly source: string;
  readonly format: TutorialFormat;
  readonly duration: string;
  readonly locale: string;
}

export interface ReleaseStage extends Readonly<StageFile> {
  /** Stable while the stage keeps its value: `<profile id>:threshold-50`, `:level-2`, `:first-skill`. */
  readonly id: string;
}

export interface ReleaseTargetProfile {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: TargetProfileCategory;
  readonly imageUrl?: string;
  readonly isPublic: boolean;
  readonly ownerOrganizationId: string | null;
  readonly outdated: boolean;
  readonly areKnowledgeElementsResettable: boolean;
  readonly locales: readonly string[];
  readonly tubes: readonly { readonly tubeId: string; readonly level: number }[];
  readonly stages: readonly ReleaseStage[];
  readonly badges: readonly Readonly<BadgeFile>[];
}

export interface ReleaseAsset {
  /** As written in content and as served: `assets/…`. */
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  /** Content type to serve it with, from its extension. */
  readonly mediaType: string;
}

/** An immutable, self-contained content release (content-model §9). */
export interface Release {
  /** `version+first 12 hex digits of contentHash`. */
  readonly id: string;
  readonly version: string;
  /** sha-256 (hex) of every other field, assets' bytes included. */
  readonly contentHash: string;
  readonly areas: readonly ReleaseArea[];
  readonly competences: readonly ReleaseCompetence[];
  readonly thematics: readonly ReleaseThematic[];
  readonly tubes: readonly ReleaseTube[];
  readonly skills: readonly ReleaseSkill[];
  readonly challenges: readonly ReleaseChallenge[];
  readonly tutorials: readonly ReleaseTutorial[];
  readonly targetProfiles: readonly ReleaseTargetProfile[];
  readonly assets: readonly ReleaseAsset[];
}
