import { z } from 'zod';
import { idSchema, isoDateTime } from './common';

/** A result's status (`certification.md` §5); `started` until the test ends. */
export const certificationResultStatusSchema = z.enum(['started', 'error', 'validated', 'rejected', 'cancelled']);
export type CertificationResultStatus = z.infer<typeof certificationResultStatusSchema>;

/** What a certificate shows, on the PDF and on the public verification page (`certification.md` §6). */
export const certificateSchema = z.object({
  verificationCode: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  /** YYYY-MM-DD */
  birthdate: z.string(),
  birthPlace: z.string().nullable(),
  /** The sitting's day, YYYY-MM-DD. */
  date: z.string(),
  centreName: z.string(),
  pixScore: z.number().int(),
  publicComment: z.string().nullable(),
  /** The 16 core competences grouped by area, in framework order; level null: no question asked. */
  areas: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      color: z.string(),
      competences: z.array(z.object({ index: z.string(), name: z.string(), level: z.number().int().nullable() })),
    }),
  ),
});
export type Certificate = z.infer<typeof certificateSchema>;

/** `GET /api/certificates/:code`, the public verification. */
export const certificateCodeParamsSchema = z.object({ code: z.string().max(40) });

/** `GET /api/me/certifications`: « Mes certifications ». `pending` until the sitting is published. */
export const myCertificationSchema = z.object({
  courseId: idSchema,
  date: z.string(),
  centreName: z.string(),
  /** `started`: a test not finished yet, which the candidate can go back to. */
  status: z.enum(['started', 'pending', 'validated', 'rejected', 'cancelled']),
  /** The score when validated, 0 when rejected, else null. */
  pixScore: z.number().int().nullable(),
  /** Only for a validated, published certification: the key of its certificate. */
  verificationCode: z.string().nullable(),
});
export const myCertificationsSchema = z.object({ certifications: z.array(myCertificationSchema) });
export type MyCertification = z.infer<typeof myCertificationSchema>;
export type MyCertifications = z.infer<typeof myCertificationsSchema>;
export const myCertificationParamsSchema = z.object({ courseId: idSchema });

/** Admin « Certification »: the sittings waiting for publication and those published. */
export const juryResultCountsSchema = z.object({
  started: z.number().int(),
  error: z.number().int(),
  validated: z.number().int(),
  rejected: z.number().int(),
  cancelled: z.number().int(),
});
export const jurySittingSchema = z.object({
  id: idSchema,
  number: z.number().int(),
  centreName: z.string(),
  date: z.string(),
  time: z.string(),
  room: z.string(),
  status: z.enum(['finalized', 'published']),
  finalizedAt: isoDateTime.nullable(),
  finalizationComment: z.string().nullable(),
  publishedAt: isoDateTime.nullable(),
  candidateCount: z.number().int(),
  results: juryResultCountsSchema,
});
export type JurySitting = z.infer<typeof jurySittingSchema>;
export const jurySittingsQuerySchema = z.object({ status: z.enum(['finalized', 'published']).default('finalized') });
export const jurySittingsSchema = z.object({ sittings: z.array(jurySittingSchema) });
export type JurySittings = z.infer<typeof jurySittingsSchema>;
export const jurySittingParamsSchema = z.object({ sittingId: idSchema });

export const juryAnswerSchema = z.object({
  id: idSchema,
  position: z.number().int(),
  challengeId: z.string(),
  competenceIndex: z.string().nullable(),
  result: z.string(),
  neutralized: z.boolean(),
});
export const juryCourseSchema = z.object({
  courseId: idSchema,
  firstName: z.string(),
  lastName: z.string(),
  endReason: z.string().nullable(),
  issueReportCount: z.number().int(),
  status: certificationResultStatusSchema,
  pixScore: z.number().int().nullable(),
  answerCount: z.number().int(),
  publicComment: z.string().nullable(),
  internalComment: z.string().nullable(),
  automaticComment: z.string().nullable(),
  incidentAccepted: z.boolean(),
  answers: z.array(juryAnswerSchema),
});
export type JuryCourse = z.infer<typeof juryCourseSchema>;
export const jurySittingDetailSchema = z.object({ sitting: jurySittingSchema, courses: z.array(juryCourseSchema) });
export type JurySittingDetail = z.infer<typeof jurySittingDetailSchema>;

export const sittingPublishedSchema = z.object({ publishedAt: isoDateTime });

export const juryAnswerParamsSchema = z.object({ courseId: idSchema, answerId: idSchema });
/** `PUT /api/admin/certification-courses/:courseId/answers/:answerId/neutralization`: the score is recomputed. */
export const neutralizationBodySchema = z.object({ neutralized: z.boolean() });
export const juryCourseParamsSchema = z.object({ courseId: idSchema });
const juryComment = z.string().trim().max(2000, { error: 'JURY_COMMENT_TOO_LONG' }).nullable();
/** `PATCH /api/admin/certification-courses/:courseId/result`: technical incident, voiding (or undo), comments. */
export const juryDecisionBodySchema = z.object({
  /** The interruption was a technical incident: under 20 answers cancelled, not rejected; 20–31 not downgraded. */
  incidentAccepted: z.boolean().optional(),
  cancelled: z.boolean().optional(),
  publicComment: juryComment.optional(),
  internalComment: juryComment.optional(),
});
export type JuryDecisionBody = z.infer<typeof juryDecisionBodySchema>;

/** Orga « Certifications »: the classes of the roster (`analytics-and-exports.md` §8.4). */
export const certificationDivisionsSchema = z.object({
  /** No learner imported yet: the page asks for a SIECLE import. */
  hasLearners: z.boolean(),
  /** Each class with what its downloads would hold: published results (CSV) and certificates (PDF). */
  divisions: z.array(z.object({ name: z.string(), resultCount: z.number().int(), certificateCount: z.number().int() })),
});
export type CertificationDivisions = z.infer<typeof certificationDivisionsSchema>;
export const certificationDivisionQuerySchema = z.object({ division: z.string().trim().min(1, { error: 'DIVISION_NOT_FOUND' }).max(100) });
