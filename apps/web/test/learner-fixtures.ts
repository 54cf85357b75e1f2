import type { CampaignLanding, CampaignResults, MyParticipation, NextStep, RunnerChallenge } from '@jalon/contracts';

export const CAMPAIGN_ID = '44444444-4444-4444-8444-444444444444';
export const ASSESSMENT_ID = '55555555-5555-4555-8555-555555555555';
export const PARTICIPATION_ID = '66666666-6666-4666-8666-666666666666';

export function aParticipation(overrides: Partial<MyParticipation> = {}): MyParticipation {
  return {
    id: PARTICIPATION_ID,
    status: 'STARTED',
    assessmentId: ASSESSMENT_ID,
    assessmentState: 'started',
    createdAt: '2026-11-20T09:00:00.000Z',
    sharedAt: null,
    participantExternalId: null,
    ...overrides,
  };
}

export function aLanding(overrides: Partial<CampaignLanding> = {}): CampaignLanding {
  return {
    id: CAMPAIGN_ID,
    code: 'KQBWZN482',
    type: 'ASSESSMENT',
    title: 'Arts plastiques cycle 4',
    organization: { id: '11111111-1111-4111-8111-111111111111', name: 'Collège Victor-Hugo', type: 'SCO', isRestricted: false, identityProvider: null },
    customLandingPageText: 'Bonjour à **tous**',
    externalIdLabel: null,
    externalIdType: null,
    multipleSendings: true,
    autoShareAtEnd: false,
    isArchived: false,
    me: { isReconciled: true, firstName: 'Alice', lastName: 'Martin', participation: null, isFirstCampaign: false },
    ...overrides,
  };
}

export function aChallenge(overrides: Partial<RunnerChallenge> = {}): RunnerChallenge {
  return {
    id: 'rec-qcu',
    type: 'QCU',
    locales: ['fr'],
    instruction: 'Quelle est la bonne réponse ?',
    proposals: '- Un\n- Deux\n- Trois',
    answerArea: { kind: 'options', options: ['Un', 'Deux', 'Trois'] },
    format: 'mots',
    focused: false,
    shuffled: false,
    attachments: [],
    devices: { tablet: true, mobile: true },
    optionOrder: null,
    ...overrides,
  };
}

export function aChallengeStep(challenge: RunnerChallenge, answerCount = 0, servedAt: string | null = new Date().toISOString()): NextStep {
  return { kind: 'challenge', challenge, position: (answerCount % 5) + 1, answerCount, servedAt };
}

export const anAssessment = {
  id: ASSESSMENT_ID,
  type: 'CAMPAIGN',
  state: 'started',
  answerCount: 0,
  progression: 0,
  campaign: { id: CAMPAIGN_ID, code: 'KQBWZN482', title: 'Arts plastiques cycle 4', type: 'ASSESSMENT' },
  competence: null,
};

export function someResults(overrides: Partial<CampaignResults> = {}): CampaignResults {
  return {
    campaign: {
      id: CAMPAIGN_ID,
      code: 'KQBWZN482',
      title: 'Arts plastiques cycle 4',
      type: 'ASSESSMENT',
      organizationName: 'Collège Victor-Hugo',
      customResultPageText: null,
      customResultPageButtonText: null,
      customResultPageButtonUrl: null,
      isArchived: false,
    },
    participation: aParticipation({ status: 'TO_SHARE', assessmentState: 'completed' }),
    masteryPercent: 42,
    stage: null,
    badges: [],
    competences: [],
    canShare: true,
    canRetry: false,
    canReset: false,
    canImprove: false,
    retryInSeconds: null,
    ...overrides,
  };
}
