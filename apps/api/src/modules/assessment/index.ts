/**
 * Assessment: tests being taken — the next challenge (the engine's selector), answers and
 * the knowledge they prove, checkpoints with corrections and tutorials — and the learner's
 * profile, self-evaluations and saved tutorials. The participation module starts and
 * sends campaign tests through these functions.
 */
export { assessmentRoutes } from './routes';
export { indexContent, type ContentIndex } from './content-index';
export { campaignResultValues, type CampaignResultValues, type CampaignSkill } from './campaign-results';
export { profileElementsOf, participationElementsOf, appendKnowledgeElements } from './knowledge.repository';
export { learnerProfile } from './profile';
export { testedCampaignSkills } from './progression';
export { answers, assessments, knowledgeElements, tutorialDisplays } from './schema';
export type { RunnerDeps } from './runner';
