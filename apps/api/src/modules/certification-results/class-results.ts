import type { Release } from '@jalon/content';
import type { Certificate, CertificationDivisions } from '@jalon/contracts';
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database';
import { attachmentDisposition } from '../../platform/http/attachment';
import { AppError } from '../../platform/http/errors';
import { certificationCandidates, certificationSittings } from '../certification-centre/schema';
import { BOM, csvLine, csvText, localDate } from '../exports';
import { findOrganization } from '../organizations';
import { automaticComment } from './compute-result';
import { frenchDate } from './certificate-pdf';
import { competenceLevelsOf, coreFramework, birthPlaceOf, resultRows, toCertificate, type ResultRow } from './certificates';
import { certificationResults } from './schema';

/**
 * Orga « Certifications » (`certification.md` §7, `analytics-and-exports.md` §8.4): the
 * published certifications of a class's pupils, wherever they sat, as a CSV or as a PDF of
 * certificates. A pupil is matched by the roster entry a centre enrolled, or by their account.
 */

/** An ADMIN's page only makes sense for a SCO organization managing students that has the tab. */
export async function assertCertificationResultsAvailable(db: Executor, organizationId: string) {
  const organization = await findOrganization(db, organizationId);
  if (!organization || organization.type !== 'SCO' || !organization.isManagingStudents || !organization.features.includes('CERTIFICATION_RESULTS')) {
    throw new AppError('CERTIFICATION_RESULTS_NOT_AVAILABLE');
  }
  return organization;
}

/** Current pupils: the same ones the « Élèves » filters list. */
const currentLearners = (organizationId: string) =>
  sql`organization_learners.organization_id = ${organizationId} and organization_learners.deleted_at is null and not organization_learners.is_disabled`;

/**
 * (division, course id) of every certification test of the organization's current pupils:
 * the test of a candidate enrolled from their roster entry, or taken with their account.
 * Two indexed look-ups joined by a union, rather than one join on an OR, which would compare
 * every pupil with every test of the instance.
 */
const pupilCourses = (organizationId: string, division?: string) => {
  const pupils = sql`select id, user_id, division from organization_learners
                     where ${currentLearners(organizationId)}${division === undefined ? sql`` : sql` and division = ${division}`}`;
  return sql`select p.division, cc.id as course_id
             from (${pupils}) p
             join certification_candidates ca on ca.organization_learner_id = p.id
             join certification_courses cc on cc.candidate_id = ca.id
             union
             select p.division, cc.id
             from (${pupils}) p
             join certification_courses cc on cc.user_id = p.user_id`;
};

export async function certificationDivisions(db: Executor, organizationId: string): Promise<CertificationDivisions> {
  await assertCertificationResultsAvailable(db, organizationId);
  const rows = await queryRows<{ division: string | null; results: number; certificates: number }>(
    db,
    sql`with published as (
          select m.division, r.course_id, r.status
          from (${pupilCourses(organizationId)}) m
          join certification_results r on r.course_id = m.course_id and r.status <> 'started'
          join certification_courses cc on cc.id = r.course_id
          join certification_sittings s on s.id = cc.sitting_id and s.status = 'published'
        )
        select d.division,
               (select count(*)::int from published p where p.division = d.division) as results,
               (select count(*)::int from published p where p.division = d.division and p.status = 'validated') as certificates
        from (select distinct division from organization_learners where ${currentLearners(organizationId)}) d
        order by d.division collate "C"`,
  );
  return {
    hasLearners: rows.length > 0,
    divisions: rows
      .filter((row): row is typeof row & { division: string } => row.division !== null)
      .map((row) => ({ name: row.division, resultCount: row.results, certificateCount: row.certificates })),
  };
}

async function publishedResultsOfDivision(db: Executor, organizationId: string, division: string): Promise<ResultRow[]> {
  await assertCertificationResultsAvailable(db, organizationId);
  const known = await queryRows(db, sql`select 1 from organization_learners where ${currentLearners(organizationId)} and division = ${division} limit 1`);
  if (known.length === 0) throw new AppError('DIVISION_NOT_FOUND', { pointer: '/division' });
  return resultRows(
    db,
    and(
      eq(certificationSittings.status, 'published'),
      ne(certificationResults.status, 'started'),
      sql`${certificationResults.courseId} in (select course_id from (${pupilCourses(organizationId, division)}) m)`,
    ),
  ).orderBy(sql`${certificationCandidates.sortKey} collate "C"`, asc(certificationSittings.date), asc(certificationResults.courseId));
}

const STATUS_LABELS: Record<string, string> = { validated: 'Validée', rejected: 'Rejetée', cancelled: 'Annulée', error: 'En erreur' };

function pixCell(row: ResultRow): string {
  if (row.status === 'rejected') return '0';
  if (row.status !== 'validated' || row.pixScore === null) return '-';
  return String(row.pixScore);
}

function levelCell(row: ResultRow, competenceId: string): string {
  if (row.status === 'rejected') return '0';
  const level = competenceLevelsOf(row)[competenceId];
  if (row.status !== 'validated' || level === undefined || level === null) return '-';
  return level <= 0 ? '0' : String(level);
}

/** `20260612_resultats_3eme_A.csv`: the organization's local day; the class's characters other than letters, digits, `-`, `_` as `_`. */
export function classResultsFileName(localDay: string, division: string): string {
  return `${localDay.replaceAll('-', '')}_resultats_${division.replace(/[^\p{L}\p{Nd}_-]/gu, '_')}.csv`;
}

export async function classResultsCsv(db: Executor, release: Release, organizationId: string, division: string, now: Date) {
  const rows = await publishedResultsOfDivision(db, organizationId, division);
  if (rows.length === 0) throw new AppError('NO_CERTIFICATION_RESULTS_FOR_DIVISION');
  const competences = coreFramework(release).flatMap((group) => group.competences);
  const header = [
    'Numéro de certification',
    'Prénom',
    'Nom',
    'Date de naissance',
    'Lieu de naissance',
    'Identifiant Externe',
    'Statut',
    'Nombre de Pix',
    ...competences.map((c) => c.index),
    "Commentaire jury pour l'organisation",
    'Numéro de session',
    'Date de passage de la certification',
  ];
  let body = BOM + csvLine(header.map(csvText));
  for (const row of rows) {
    body += csvLine([
      csvText(row.courseId),
      csvText(row.firstName),
      csvText(row.lastName),
      csvText(frenchDate(row.birthdate)),
      csvText(birthPlaceOf(row)),
      csvText(row.externalId),
      csvText(STATUS_LABELS[row.status] ?? row.status),
      csvText(pixCell(row)),
      ...competences.map((c) => csvText(levelCell(row, c.id))),
      csvText(row.publicComment ?? automaticComment(row)),
      String(row.sittingNumber),
      csvText(frenchDate(row.date)),
    ]);
  }
  const organization = await findOrganization(db, organizationId);
  const fileName = classResultsFileName(localDate(now, organization?.timeZone ?? 'Europe/Paris'), division);
  return { body, disposition: attachmentDisposition(fileName) };
}

/** Every validated certificate of the class, in name order then date: one page each. */
export async function classCertificates(db: Executor, release: Release, organizationId: string, division: string): Promise<Certificate[]> {
  const rows = (await publishedResultsOfDivision(db, organizationId, division)).filter((row) => row.status === 'validated');
  if (rows.length === 0) throw new AppError('NO_CERTIFICATES_FOR_DIVISION');
  return rows.map((row) => toCertificate(row, release));
}

export function classCertificatesFileName(division: string): string {
  return `certificats_${division.replace(/[^\p{L}\p{Nd}_-]/gu, '_')}.pdf`;
}
