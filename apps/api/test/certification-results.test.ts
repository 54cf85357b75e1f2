import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Certificate, CertificationDivisions, JurySittingDetail, JurySittings, MyCertifications } from '@jalon/contracts';
import { downgradeCapacity, pixFromCapacity } from '@jalon/engine';
import { certificationCandidates, certificationSittings } from '../src/modules/certification-centre/schema';
import { certificationAnswers, certificationCourses } from '../src/modules/certification-course/schema';
import { automaticComment, computeResult } from '../src/modules/certification-results';
import { certificationResults } from '../src/modules/certification-results/schema';
import { organizationFeatures } from '../src/modules/organizations';
import { createLearner } from './support/campaign-factory';
import { createOrganization, createTeam, createUser, makePlatformAdmin, PASSWORD } from './support/factory';
import { Agent, errorCodes } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
let jury: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await createUser(t.database.db);
  await makePlatformAdmin(t.database.db, admin.id);
  jury = new Agent(t.app);
  await jury.signIn(admin.email, PASSWORD);
});
afterAll(async () => t.close());

type Result = 'ok' | 'ko' | 'aband';

/** One validated challenge per tube of the core competences, competences taken in turn: what the IRT test serves. */
function certificationChallenges() {
  const release = t.content.release;
  const core = release.competences.filter((c) => c.origin === 'jalon').map((c) => c.id);
  const byCompetence = new Map<string, string[]>(core.map((id) => [id, []]));
  const tubes = new Set<string>();
  for (const challenge of release.challenges) {
    if (challenge.status !== 'validated' || !byCompetence.has(challenge.competenceId) || tubes.has(challenge.tubeId)) continue;
    tubes.add(challenge.tubeId);
    byCompetence.get(challenge.competenceId)!.push(challenge.id);
  }
  const ordered: string[] = [];
  for (let round = 0; ordered.length < 40 && round < 40; round++) {
    for (const ids of byCompetence.values()) if (ids[round]) ordered.push(ids[round]!);
  }
  return ordered;
}

/** A centre with a sitting; `status` as the centre and the jury leave it. */
async function sitting(status: 'created' | 'finalized' = 'finalized', date = '2027-03-18') {
  const centre = await createOrganization(t.database.db, { type: 'SCO', name: `Centre ${randomUUID().slice(0, 4)}` }, ['CERTIFICATION_CENTER']);
  const creator = await createUser(t.database.db);
  const [row] = await t.database.db
    .insert(certificationSittings)
    .values({
      centerId: centre.id,
      address: '1 rue du Lycée',
      room: 'CDI',
      date,
      time: '09:00',
      invigilatorName: 'M. Roux',
      accessCode: randomUUID().replaceAll('-', '').slice(0, 6).toUpperCase(),
      status,
      createdBy: creator.id,
    })
    .returning();
  return row!;
}

/** A candidate who took the test with `results` as their answers, ended for `endReason`, scored as the course does. */
async function takeTest(
  sittingId: string,
  person: { firstName: string; lastName: string; birthdate?: string; learnerId?: string; userId?: string },
  results: Result[],
  endReason: 'COMPLETED' | 'CANDIDATE' = 'COMPLETED',
) {
  const userId = person.userId ?? (await createUser(t.database.db, { firstName: person.firstName, lastName: person.lastName })).id;
  const [candidate] = await t.database.db
    .insert(certificationCandidates)
    .values({
      sittingId,
      firstName: person.firstName,
      lastName: person.lastName,
      sortKey: `${person.lastName.toLowerCase()} ${person.firstName.toLowerCase()}`,
      birthdate: person.birthdate ?? '2012-04-05',
      birthCity: 'Dijon',
      externalId: `INE-${person.lastName}`,
      organizationLearnerId: person.learnerId ?? null,
      userId,
      authorizedAt: new Date(),
    })
    .returning();
  const [course] = await t.database.db
    .insert(certificationCourses)
    .values({ candidateId: candidate!.id, sittingId, userId, startedAt: new Date(), endedAt: new Date(), endReason })
    .returning();
  const challenges = certificationChallenges();
  if (results.length) {
    await t.database.db
      .insert(certificationAnswers)
      .values(results.map((result, i) => ({ courseId: course!.id, challengeId: challenges[i]!, position: i + 1, value: 'x', result, answeredAt: new Date() })));
  }
  const result = await computeResult(t.database.db, course!.id, new Date(), t.content.release);
  return { courseId: course!.id, userId, result };
}

const allRight = (n: number): Result[] => Array.from({ length: n }, () => 'ok');
/** Right, right, wrong…: a middling capacity, far from both ends of the scale. */
const middling = (n: number): Result[] => Array.from({ length: n }, (_, i) => (i % 3 === 2 ? 'ko' : 'ok'));

describe('computeResult', () => {
  it('validates a completed test: a score within the cap, a level for each competence asked, none for the others', async () => {
    const s = await sitting();
    const { result } = await takeTest(s.id, { firstName: 'Lou', lastName: 'Valide' }, middling(32));
    expect(result.status).toBe('validated');
    expect(result.answerCount).toBe(32);
    expect(result.pixScore).toBeGreaterThan(0);
    expect(result.pixScore).toBeLessThanOrEqual(895);
    expect(result.verificationCode).toMatch(/^J-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
    const levels = result.competenceLevels as Record<string, number | null>;
    expect(Object.keys(levels)).toHaveLength(t.content.release.competences.filter((c) => c.origin === 'jalon').length);
    const asked = new Set(certificationChallenges().slice(0, 32).map((id) => t.content.release.challenges.find((c) => c.id === id)!.competenceId));
    for (const [competenceId, level] of Object.entries(levels)) {
      if (asked.has(competenceId)) expect(level).not.toBeNull();
      else expect(level).toBeNull();
    }
  });

  it('rejects a test of fewer than 20 answers with the automatic comment', async () => {
    const s = await sitting();
    const { result } = await takeTest(s.id, { firstName: 'Rémi', lastName: 'Court' }, allRight(12), 'CANDIDATE');
    expect(result).toMatchObject({ status: 'rejected', pixScore: 0, answerCount: 12 });
    expect(automaticComment(result)).toBe('Nombre de réponses insuffisant');
  });

  it('moves an abandon between 20 and 31 answers down one mesh, keeping its place in it', async () => {
    const s = await sitting();
    const completed = (await takeTest(s.id, { firstName: 'Ana', lastName: 'Finie' }, middling(26), 'COMPLETED')).result;
    const abandoned = (await takeTest(s.id, { firstName: 'Ana', lastName: 'Partie' }, middling(26), 'CANDIDATE')).result;
    expect(completed.status).toBe('validated');
    expect(abandoned.status).toBe('validated');
    const downgraded = downgradeCapacity(Number(completed.capacity));
    expect(Number(abandoned.capacity)).toBeCloseTo(downgraded, 9);
    expect(abandoned.pixScore).toBe(pixFromCapacity(downgraded));
    expect(abandoned.pixScore).toBeLessThan(completed.pixScore!);
  });

  it('keeps its verification code when it is computed again', async () => {
    const s = await sitting();
    const { courseId, result } = await takeTest(s.id, { firstName: 'Zoé', lastName: 'Stable' }, middling(32));
    const again = await computeResult(t.database.db, courseId, new Date(), t.content.release);
    expect(again.verificationCode).toBe(result.verificationCode);
  });

  it('is in error, for support, when an answer names a challenge the release does not know', async () => {
    const s = await sitting();
    const { courseId } = await takeTest(s.id, { firstName: 'Eve', lastName: 'Erreur' }, middling(24));
    await t.database.db
      .update(certificationAnswers)
      .set({ challengeId: 'challenge-disparu' })
      .where(and(eq(certificationAnswers.courseId, courseId), eq(certificationAnswers.position, 3)));
    const result = await computeResult(t.database.db, courseId, new Date(), t.content.release);
    expect(result.status).toBe('error');
    expect(result.pixScore).toBeNull();
  });
});

describe('the jury', () => {
  it('lists finalised sittings with their results, and neutralising an answer rescores without it', async () => {
    const s = await sitting();
    const { courseId, result } = await takeTest(s.id, { firstName: 'Nina', lastName: 'Neutre' }, middling(32));
    const list = await jury.get<JurySittings>('/api/admin/certification-sittings?status=finalized');
    expect(list.body.sittings.find((x) => x.id === s.id)).toMatchObject({ candidateCount: 1, results: { validated: 1 } });

    const detail = await jury.get<JurySittingDetail>(`/api/admin/certification-sittings/${s.id}`);
    const answer = detail.body.courses[0]!.answers[1]!;
    expect(answer).toMatchObject({ position: 2, neutralized: false });
    expect((await jury.put(`/api/admin/certification-courses/${courseId}/answers/${answer.id}/neutralization`, { neutralized: true })).status).toBe(204);
    const [after] = await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
    expect(after!.answerCount).toBe(31);
    expect(after!.verificationCode).toBe(result.verificationCode);
  });

  it('cancels a short test for a technical incident, and lifting the cancellation rejects it again', async () => {
    const s = await sitting();
    const { courseId } = await takeTest(s.id, { firstName: 'Ian', lastName: 'Incident' }, allRight(15), 'CANDIDATE');
    const url = `/api/admin/certification-courses/${courseId}/result`;
    expect((await jury.patch(url, { cancelled: true, publicComment: 'Panne du réseau du centre.' })).status).toBe(204);
    let [row] = await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
    expect(row).toMatchObject({ status: 'cancelled', pixScore: null, publicComment: 'Panne du réseau du centre.' });
    // Cancelled stays cancelled whatever the scoring says.
    expect((await computeResult(t.database.db, courseId, new Date(), t.content.release)).status).toBe('cancelled');
    expect((await jury.patch(url, { cancelled: false })).status).toBe(204);
    [row] = await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId));
    expect(row).toMatchObject({ status: 'rejected', publicComment: 'Panne du réseau du centre.' });
  });

  it('a technical incident the jury accepts cancels a short test instead of rejecting it, and spares an abandon its downgrade', async () => {
    const s = await sitting();
    const short = await takeTest(s.id, { firstName: 'Iris', lastName: 'Coupure' }, allRight(15), 'CANDIDATE');
    const url = (courseId: string) => `/api/admin/certification-courses/${courseId}/result`;
    const resultOf = async (courseId: string) => (await t.database.db.select().from(certificationResults).where(eq(certificationResults.courseId, courseId)))[0]!;
    expect(short.result.status).toBe('rejected');
    expect((await jury.patch(url(short.courseId), { incidentAccepted: true })).status).toBe(204);
    expect(await resultOf(short.courseId)).toMatchObject({ status: 'cancelled', incidentAccepted: true, pixScore: null });
    // Rescoring (a neutralisation, the finalisation) decides the same again; taking the incident back rejects it.
    expect((await computeResult(t.database.db, short.courseId, new Date(), t.content.release)).status).toBe('cancelled');
    expect((await jury.patch(url(short.courseId), { incidentAccepted: false })).status).toBe(204);
    expect(await resultOf(short.courseId)).toMatchObject({ status: 'rejected', incidentAccepted: false, pixScore: 0 });

    const completed = (await takeTest(s.id, { firstName: 'Ana', lastName: 'Complète' }, middling(26), 'COMPLETED')).result;
    const abandoned = await takeTest(s.id, { firstName: 'Ana', lastName: 'Interrompue' }, middling(26), 'CANDIDATE');
    expect(abandoned.result.pixScore).toBeLessThan(completed.pixScore!);
    expect((await jury.patch(url(abandoned.courseId), { incidentAccepted: true })).status).toBe(204);
    expect(await resultOf(abandoned.courseId)).toMatchObject({ status: 'validated', pixScore: completed.pixScore });

    const detail = await jury.get<JurySittingDetail>(`/api/admin/certification-sittings/${s.id}`);
    expect(detail.body.courses.find((c) => c.courseId === abandoned.courseId)).toMatchObject({ incidentAccepted: true });
  });

  it('refuses comments too long, decisions on a sitting not finalised, and everyone but an instance admin', async () => {
    const open = await sitting('created');
    const { courseId } = await takeTest(open.id, { firstName: 'Oscar', lastName: 'Ouvert' }, middling(32));
    expect(errorCodes(await jury.patch(`/api/admin/certification-courses/${courseId}/result`, { cancelled: true }))).toEqual(['SITTING_NOT_FINALIZED']);
    expect(errorCodes(await jury.patch(`/api/admin/certification-courses/${courseId}/result`, { publicComment: 'x'.repeat(2001) }))).toEqual(['JURY_COMMENT_TOO_LONG']);
    expect(errorCodes(await jury.post(`/api/admin/certification-sittings/${open.id}/publication`))).toEqual(['SITTING_NOT_FINALIZED']);
    const team = await createTeam(t.database.db);
    const teacher = new Agent(t.app);
    await teacher.signIn(team.admin.email, PASSWORD);
    expect((await teacher.get('/api/admin/certification-sittings')).status).toBe(403);
    expect((await teacher.post(`/api/admin/certification-sittings/${open.id}/publication`)).status).toBe(403);
  });
});

/** A collège with the tab, its ADMIN signed in, and a class 3A of two pupils. */
async function school(features = ['CERTIFICATION_RESULTS']) {
  const team = await createTeam(t.database.db, { type: 'SCO', isManagingStudents: true });
  if (features.length) await t.database.db.insert(organizationFeatures).values(features.map((feature) => ({ organizationId: team.organization.id, feature })));
  const admin = new Agent(t.app);
  await admin.signIn(team.admin.email, PASSWORD);
  const base = `/api/organizations/${team.organization.id}/certification-results`;
  return { ...team, agent: admin, base };
}

function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1').replaceAll('""', '"')));
}

describe('publication, « Mes certifications », certificates and Orga « Certifications »', () => {
  it('shows nothing before publication, then the results, the CSV of the class, its certificates and the verification', async () => {
    const sch = await school();
    const orgId = sch.organization.id;
    const charles = await createLearner(t.database.db, orgId, { firstName: 'Charles', lastName: 'Martin', birthdate: '2011-02-03', division: '3A' });
    const ines = await createLearner(t.database.db, orgId, { firstName: 'Inès', lastName: 'Bernard', birthdate: '2011-06-07', division: '3A' });
    const paul = await createLearner(t.database.db, orgId, { firstName: 'Paul', lastName: 'Durand', birthdate: '2011-01-01', division: '3A' });
    await createLearner(t.database.db, orgId, { firstName: 'Léa', lastName: 'Autre', birthdate: '2011-01-01', division: '3B' });

    const s = await sitting();
    const c = await takeTest(s.id, { firstName: 'Charles', lastName: 'Martin', birthdate: '2011-02-03', learnerId: charles.id }, middling(32));
    const i = await takeTest(s.id, { firstName: 'Inès', lastName: 'Bernard', birthdate: '2011-06-07', learnerId: ines.id }, allRight(32));
    const p = await takeTest(s.id, { firstName: 'Paul', lastName: 'Durand', birthdate: '2011-01-01', learnerId: paul.id }, allRight(10), 'CANDIDATE');

    // Before publication: pending for the learner, unknown to the public, nothing for the school.
    const charlesAgent = new Agent(t.app);
    const charlesUser = await createUser(t.database.db);
    await t.database.db.update(certificationCourses).set({ userId: charlesUser.id }).where(eq(certificationCourses.id, c.courseId));
    await charlesAgent.signIn(charlesUser.email, PASSWORD);
    const pending = await charlesAgent.get<MyCertifications>('/api/me/certifications');
    expect(pending.body.certifications).toEqual([expect.objectContaining({ courseId: c.courseId, status: 'pending', pixScore: null, verificationCode: null })]);
    expect(errorCodes(await new Agent(t.app).get(`/api/certificates/${c.result.verificationCode}`))).toEqual(['CERTIFICATE_NOT_FOUND']);
    expect((await charlesAgent.get(`/api/me/certifications/${c.courseId}/certificate`)).status).toBe(404);
    expect(errorCodes(await sch.agent.get(`${sch.base}/export?division=3A`))).toEqual(['NO_CERTIFICATION_RESULTS_FOR_DIVISION']);
    expect(errorCodes(await sch.agent.get(`${sch.base}/certificates?division=3A`))).toEqual(['NO_CERTIFICATES_FOR_DIVISION']);

    expect((await jury.patch(`/api/admin/certification-courses/${i.courseId}/result`, { publicComment: 'Très belle maîtrise.' })).status).toBe(204);
    const published = await jury.post(`/api/admin/certification-sittings/${s.id}/publication`);
    expect(published.status).toBe(200);
    expect(errorCodes(await jury.post(`/api/admin/certification-sittings/${s.id}/publication`))).toEqual(['SITTING_ALREADY_PUBLISHED']);
    expect(errorCodes(await jury.patch(`/api/admin/certification-courses/${i.courseId}/result`, { cancelled: true }))).toEqual(['SITTING_ALREADY_PUBLISHED']);

    // The learner sees the score and the code.
    const mine = await charlesAgent.get<MyCertifications>('/api/me/certifications');
    expect(mine.body.certifications[0]).toMatchObject({ status: 'validated', pixScore: c.result.pixScore, verificationCode: c.result.verificationCode });
    const own = await charlesAgent.get(`/api/me/certifications/${c.courseId}/certificate`);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');

    // The public verification: the certificate's content only.
    const verified = await new Agent(t.app).get<Certificate>(`/api/certificates/${i.result.verificationCode}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ firstName: 'Inès', lastName: 'Bernard', birthdate: '2011-06-07', birthPlace: 'Dijon', pixScore: i.result.pixScore, publicComment: 'Très belle maîtrise.' });
    expect(verified.body.areas.flatMap((a) => a.competences)).toHaveLength(16);
    expect(Object.keys(verified.body)).not.toContain('externalId');
    expect(errorCodes(await new Agent(t.app).get('/api/certificates/J-AAAAAAAA'))).toEqual(['CERTIFICATE_NOT_FOUND']);
    expect(errorCodes(await new Agent(t.app).get(`/api/certificates/${p.result.verificationCode}`))).toEqual(['CERTIFICATE_NOT_FOUND']);

    // Orga: classes, then the CSV of 3A, column by column.
    const divisions = await sch.agent.get<CertificationDivisions>(`${sch.base}/divisions`);
    expect(divisions.body).toEqual({
      hasLearners: true,
      divisions: [
        { name: '3A', resultCount: 3, certificateCount: 2 },
        { name: '3B', resultCount: 0, certificateCount: 0 },
      ],
    });
    const csv = await sch.agent.get<string>(`${sch.base}/export?division=3A`);
    expect(csv.status).toBe(200);
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    const today = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    expect(String(csv.headers['content-disposition'])).toContain(`${today.slice(0, 6)}`);
    expect(String(csv.headers['content-disposition'])).toMatch(/filename="\d{8}_resultats_3A\.csv"/);
    const [header, ...rows] = parseCsv(csv.body);
    const indexes = t.content.release.areas.flatMap((a) => a.competenceIds.map((id) => t.content.release.competences.find((c) => c.id === id)!)).filter((c) => c.origin === 'jalon');
    expect(header).toEqual([
      'Numéro de certification',
      'Prénom',
      'Nom',
      'Date de naissance',
      'Lieu de naissance',
      'Identifiant Externe',
      'Statut',
      'Nombre de Pix',
      ...indexes.map((c) => c.index),
      "Commentaire jury pour l'organisation",
      'Numéro de session',
      'Date de passage de la certification',
    ]);
    expect(header).toHaveLength(27);
    expect(header!.slice(8, 10)).toEqual(['1.1', '1.2']);
    expect(rows.map((r) => r[2])).toEqual(['Bernard', 'Durand', 'Martin']);
    const [ir, pr, cr] = rows as [string[], string[], string[]];
    for (const row of rows) expect(row).toHaveLength(27);
    expect(ir.slice(0, 8)).toEqual([i.courseId, 'Inès', 'Bernard', '07/06/2011', 'Dijon', 'INE-Bernard', 'Validée', String(i.result.pixScore)]);
    expect(ir[24]).toBe('Très belle maîtrise.');
    expect(ir[25]).toBe(String(s.number));
    expect(ir[26]).toBe('18/03/2027');
    const levels = i.result.competenceLevels as Record<string, number | null>;
    indexes.forEach((competence, k) => {
      const level = levels[competence.id];
      expect(ir[8 + k]).toBe(level === null || level === undefined ? '-' : String(Math.max(0, level)));
    });
    // Rejected: 0 pix and 0 everywhere, with the automatic reason.
    expect(pr.slice(6, 8)).toEqual(['Rejetée', '0']);
    expect(new Set(pr.slice(8, 24))).toEqual(new Set(['0']));
    expect(pr[24]).toBe('Nombre de réponses insuffisant');
    expect(cr[6]).toBe('Validée');

    // The PDF of the class: one page per validated certificate.
    const pdf = await sch.agent.get<string>(`${sch.base}/certificates?division=3A`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.match(/\/Type \/Page\b/g)).toHaveLength(2);

    expect(errorCodes(await sch.agent.get(`${sch.base}/export?division=4C`))).toEqual(['DIVISION_NOT_FOUND']);
    expect(errorCodes(await sch.agent.get(`${sch.base}/certificates?division=3B`))).toEqual(['NO_CERTIFICATES_FOR_DIVISION']);
    expect(errorCodes(await sch.agent.get(`${sch.base}/export?division=3B`))).toEqual(['NO_CERTIFICATION_RESULTS_FOR_DIVISION']);
  });

  it('shows a cancelled certification with « - » everywhere', async () => {
    const sch = await school();
    const learner = await createLearner(t.database.db, sch.organization.id, { firstName: 'Anne', lastName: 'Annulée', birthdate: '2011-01-01', division: '3C' });
    const s = await sitting();
    const { courseId } = await takeTest(s.id, { firstName: 'Anne', lastName: 'Annulée', learnerId: learner.id }, allRight(8), 'CANDIDATE');
    await jury.patch(`/api/admin/certification-courses/${courseId}/result`, { cancelled: true });
    await jury.post(`/api/admin/certification-sittings/${s.id}/publication`);
    const [, row] = parseCsv((await sch.agent.get<string>(`${sch.base}/export?division=3C`)).body);
    expect(row!.slice(6, 24)).toEqual(['Annulée', ...Array.from({ length: 17 }, () => '-')]);
  });

  it('is only for the ADMIN of a SCO organization managing students with the tab; never another school\'s', async () => {
    const without = await school([]);
    expect(errorCodes(await without.agent.get(`${without.base}/divisions`))).toEqual(['CERTIFICATION_RESULTS_NOT_AVAILABLE']);
    const sch = await school();
    const member = new Agent(t.app);
    await member.signIn(sch.member.email, PASSWORD);
    expect((await member.get(`${sch.base}/divisions`)).status).toBe(403);
    const other = await school();
    expect((await other.agent.get(`${sch.base}/divisions`)).status).toBe(403);
    expect((await sch.agent.get<CertificationDivisions>(`${sch.base}/divisions`)).body).toEqual({ hasLearners: false, divisions: [] });
  });
});

describe('guessing verification codes', () => {
  it('is stopped after 100 wrong codes from one address in an hour, even for a good code', async () => {
    // A minute into an hour: the 101 look-ups all fall in the same hourly window.
    const realNow = Date.now();
    t.clock.offsetMs = Math.ceil(realNow / 3_600_000) * 3_600_000 + 60_000 - realNow;
    const lookup = (code: string) => t.app.inject({ method: 'GET', url: `/api/certificates/${code}`, remoteAddress: '203.0.113.9' });
    for (let i = 0; i < 100; i++) expect((await lookup(`J-WRONG${String(i).padStart(3, '0')}`)).statusCode).toBe(404);
    const refused = await lookup('J-AAAAAAAA');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().errors[0].code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await t.app.inject({ method: 'GET', url: '/api/certificates/J-AAAAAAAA', remoteAddress: '198.51.100.7' })).statusCode).toBe(404);
    t.clock.offsetMs = 0;
  });
});
