/** IRT (« flash ») algorithm of spec §7, used by certification. */
export { information, successProbability } from './two-pl';
export type { CalibratedChallenge, IrtParameters } from './two-pl';
export {
  CAPACITY_GRID,
  CAPACITY_STEP,
  DEFAULT_INITIAL_CAPACITY,
  ERROR_BEFORE_ANSWERS,
  PRIOR_VARIANCE,
  estimateCapacity,
} from './capacity-estimation';
export type { CapacityDamping, CapacityEstimate, EstimationOptions, ScoredAnswer } from './capacity-estimation';
export {
  CAMPAIGN_FLASH,
  CERTIFICATION_FLASH,
  RANDOMESQUE_FIRST_PROBABILITY,
  RANDOMESQUE_SIZE,
  minimumSuccessRate,
  nextFlashStep,
} from './flash-selector';
export type { FlashAnswer, FlashConfig, FlashEndReason, FlashState, FlashStep, SuccessRateRange } from './flash-selector';
export {
  CERTIFICATION_LENGTH,
  DEFAULT_CERTIFICATION_MESHES,
  INSUFFICIENT_ANSWERS_COMMENT,
  MINIMUM_CERTIFICATION_ANSWERS,
  PIX_PER_MESH,
  capacityAt,
  certificationMeshes,
  downgradeCapacity,
  downgradePosition,
  levelFromCapacity,
  meshPosition,
  pixFromCapacity,
  pixFromPosition,
  scoreCertification,
} from './certification-scoring';
export type { CertificationAnswer, CertificationScore, CertificationScoringInput, MeshPosition } from './certification-scoring';
export { UNCALIBRATED_DIFFICULTY_OFFSET, UNCALIBRATED_DISCRIMINATION, irtParametersOf } from './parameters';
export type { ChallengeIrt } from './parameters';
export {
  DEFAULT_CALIBRATION_POPULATION,
  DEFAULT_DISCRIMINATION_PRIOR_SD,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_MIN_ANSWERS,
  DEFAULT_TOLERANCE,
  calibrate,
} from './calibration';
export type { CalibratedItem, CalibrationOptions, CalibrationResponse, CalibrationResult } from './calibration';
export { CalibrationInputError, parseCalibrationAnswers } from './calibration-input';
