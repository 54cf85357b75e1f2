import type { Release, ReleaseCompetence } from '@jalon/content';
import type { Certificate } from '@jalon/contracts';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database';
import { certificationCandidates, certificationSittings } from '../certification-centre/schema';
import { certificationCourses } from '../certification-course/schema';
import { organizations } from '../organizations/schema';
import { certificationResults } from './schema';

/** Results with everything their certificate, CSV line and lists show (a query to await or to order). */
export function resultRows(db: Executor, where: SQL | undefined) {
  return db
    .select({
      courseId: certificationResults.courseId,
      status: certificationResults.status,
      pixScore: certificationResults.pixScore,
      competenceLevels: certificationResults.competenceLevels,
      answerCount: certificationResults.answerCount,
      publicComment: certificationResults.publicComment,
      verificationCode: certificationResults.verificationCode,
      userId: certificationCourses.userId,
      firstName: certificationCandidates.firstName,
      lastName: certificationCandidates.lastName,
      sortKey: certificationCandidates.sortKey,
      birthdate: certificationCandidates.birthdate,
      birthCity: certificationCandidates.birthCity,
      birthCountry: certificationCandidates.birthCountry,
      externalId: certificationCandidates.externalId,
      organizationLearnerId: certificationCandidates.organizationLearnerId,
      sittingId: certificationSittings.id,
      sittingNumber: certificationSittings.number,
      sittingStatus: certificationSittings.status,
      date: certificationSittings.date,
      centreName: organizations.name,
    })
    .from(certificationResults)
    .innerJoin(certificationCourses, eq(certificationCourses.id, certificationResults.courseId))
    .innerJoin(certificationCandidates, eq(certificationCandidates.id, certificationCourses.candidateId))
    .innerJoin(certificationSittings, eq(certificationSittings.id, certificationCourses.sittingId))
    .innerJoin(organizations, eq(organizations.id, certificationSittings.centerId))
    .where(where);
}

export type ResultRow = Awaited<ReturnType<typeof resultRows>>[number];

/** Only these results have a certificate: validated, in a published sitting (`certification.md` §6). */
export const HAS_CERTIFICATE = and(eq(certificationResults.status, 'validated'), eq(certificationSittings.status, 'published'));

export function competenceLevelsOf(row: Pick<ResultRow, 'competenceLevels'>): Record<string, number | null> {
  return (row.competenceLevels ?? {}) as Record<string, number | null>;
}

/** « Lyon », or « Casablanca (Maroc) » when born abroad. */
export function birthPlaceOf(row: Pick<ResultRow, 'birthCity' | 'birthCountry'>): string | null {
  const country = row.birthCountry?.trim() || null;
  const city = row.birthCity?.trim() || null;
  if (city && country && !/^france$/i.test(country)) return `${city} (${country})`;
  return city ?? country;
}

/** The core competences grouped by area, in framework order: the 16 lines of a certificate and of the CSV. */
export function coreFramework(release: Release) {
  const competences = new Map(release.competences.map((c) => [c.id, c]));
  return release.areas
    .map((area) => ({
      area,
      competences: area.competenceIds.map((id) => competences.get(id)).filter((c): c is ReleaseCompetence => c !== undefined && c.origin === 'jalon'),
    }))
    .filter((group) => group.competences.length > 0);
}

export function toCertificate(row: ResultRow, release: Release): Certificate {
  const levels = competenceLevelsOf(row);
  return {
    verificationCode: row.verificationCode,
    firstName: row.firstName,
    lastName: row.lastName,
    birthdate: row.birthdate,
    // « Né(e) le … à … » needs a town: a country alone (no town known) is left out of the sentence.
    birthPlace: row.birthCity?.trim() ? birthPlaceOf(row) : null,
    date: row.date,
    centreName: row.centreName,
    pixScore: row.pixScore ?? 0,
    publicComment: row.publicComment,
    areas: coreFramework(release).map(({ area, competences }) => ({
      code: area.code,
      title: area.title.fr,
      color: area.color,
      competences: competences.map((c) => ({ index: c.index, name: c.name.fr, level: levels[c.id] ?? null })),
    })),
  };
}
