import { campaignSkills as skillsOfProfile } from '@jalon/content';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, knowledgeElements } from '../src/modules/assessment';
import { participations } from '../src/modules/campaigns/schema';
import { campaignExport } from '../src/modules/exports/campaign-export';
import { learnerSortKey, organizationLearners } from '../src/modules/organizations';
import { createCampaign, createLearner } from './support/campaign-factory';
import { addMember, createOrganization, createTeam, createUser, PASSWORD } from './support/factory';
import { Agent } from './support/http';
import { createTestApp, type TestApp } from './support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ startJobs: false });
});
afterAll(async () => t.close());

/** Reads a file of §8.1 back: fields split on `;` outside quotes, quotes removed and un-doubled. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  expect(field, 'the file ends with a line break').toBe('');
  return rows;
}

interface Export {
  status: number;
  raw: string;
  headers: Record<string, unknown>;
  header: string[];
  /** Each line as header → value. */
  lines: Record<string, string>[];
}

async function exportOf(agent: Agent, campaignId: string, query = ''): Promise<Export> {
  const response = await agent.get<string>(`/api/campaigns/${campaignId}/export.csv${query}`);
  if (response.status !== 200) return { status: response.status, raw: '', headers: response.headers, header: [], lines: [] };
  const raw = response.body;
  expect([...Buffer.from(raw, 'utf8').subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
  expect(raw).not.toContain('\r');
  const [header, ...rows] = parseCsv(raw.slice(1));
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return {
    status: 200,
    raw,
    headers: response.headers,
    header: header!,
    lines: rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!]))),
  };
}

const at = (iso: string) => new Date(iso);
/** The clock reads `iso` (give or take the test's own duration). */
function setNow(iso: string) {
  t.clock.offsetMs = Date.parse(iso) - Date.now();
}

const release = () => t.content.release;
const skill = (id: string) => release().skills.find((s) => s.id === id)!;

async function addElements(userId: string, elements: { skillId: string; status: 'validated' | 'invalidated' | 'reset'; at: string }[]) {
  await t.database.db.insert(knowledgeElements).values(
    elements.map((e) => {
      const s = skill(e.skillId);
      return {
        createdAt: at(e.at),
        userId,
        skillId: s.id,
        tubeId: s.tubeId,
        competenceId: s.competenceId,
        source: 'direct',
        status: e.status,
        earnedPix: e.status === 'validated' ? s.pixValue : 0,
      };
    }),
  );
}

async function participation(fields: { campaignId: string; learner: { id: string; userId: string | null }; status: 'STARTED' | 'TO_SHARE'; createdAt: string; externalId?: string }) {
  const [row] = await t.database.db
    .insert(participations)
    .values({
      campaignId: fields.campaignId,
      userId: fields.learner.userId!,
      organizationLearnerId: fields.learner.id,
      status: fields.status,
      createdAt: at(fields.createdAt),
      participantExternalId: fields.externalId ?? null,
    })
    .returning();
  return row!;
}

async function share(agent: Agent, participationId: string) {
  const response = await agent.post(`/api/participations/${participationId}/share`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

async function markImproved(participationId: string) {
  await t.database.db.update(participations).set({ isImproved: true }).where(eq(participations.id, participationId));
}

/** A pupil with an account and a place on the school's roster. */
async function pupil(organizationId: string, firstName: string, lastName: string, division: string) {
  const user = await createUser(t.database.db, { firstName, lastName });
  const learner = await createLearner(t.database.db, organizationId, { firstName, lastName, birthdate: '2011-05-04', division, userId: user.id });
  const agent = new Agent(t.app);
  await agent.signIn(user.email, PASSWORD);
  return { user, learner, agent };
}

/**
 * « Collège Les Tilleuls » (SCO, managing students, SHOW_SKILLS, Paris time), an assessment
 * on « Sécurité numérique au quotidien » (3 stages, 3 badges) with an external id, and a
 * profile collection, both with multiple sendings:
 * - Garance (3A, last name « =Leroy ») finished and did not send;
 * - Louis (3A) is on his way: old and recent knowledge, a reset;
 * - Charles (3A) sent on the 2nd of March, and retried on the 8th;
 * - Inès (3B) validated everything and sent late on the 9th (the 10th in Paris);
 * - Zoé (3A) had her participation deleted; Inès also took another campaign.
 */
async function school() {
  const organization = await createOrganization(
    t.database.db,
    { type: 'SCO', isManagingStudents: true, name: 'Collège "Les Tilleuls"' },
    ['SHOW_SKILLS', 'MULTIPLE_SENDING_ASSESSMENT'],
  );
  const teacher = await createUser(t.database.db);
  await addMember(t.database.db, organization.id, teacher.id, 'MEMBER');
  const teacherAgent = new Agent(t.app);
  await teacherAgent.signIn(teacher.email, PASSWORD);
  const base = { organizationId: organization.id, ownerId: teacher.id, multipleSendings: true };
  const assessment = await createCampaign(t.database.db, release(), {
    ...base,
    name: 'Sécurité : 3e',
    targetProfileId: 'tp-securite-au-quotidien',
    externalIdLabel: 'Numéro de dossier',
  });
  const collection = await createCampaign(t.database.db, release(), { ...base, type: 'PROFILES_COLLECTION', name: 'Collecte des profils' });
  const other = await createCampaign(t.database.db, release(), { ...base, name: 'Autre campagne' });

  const profile = release().targetProfiles.find((p) => p.id === 'tp-securite-au-quotidien')!;
  const campaignSkillIds = skillsOfProfile(release(), profile).map((s) => s.id);
  const ofTube = (tube: string) => campaignSkillIds.filter((id) => skill(id).tubeId === tube);

  const garance = await pupil(organization.id, 'Garance "Gigi"', '=Leroy', '3A');
  const louis = await pupil(organization.id, 'Louis', 'Bernard', '3A');
  const charles = await pupil(organization.id, 'Charles', 'Durand', '3A');
  const ines = await pupil(organization.id, 'Inès', 'Moreau', '3B');
  const zoe = await pupil(organization.id, 'Zoé', 'Martin', '3A');

  setNow('2026-03-02T23:30:00Z');
  await participation({ campaignId: assessment.id, learner: garance.learner, status: 'TO_SHARE', createdAt: '2026-03-05T10:00:00Z', externalId: '=1+2' });

  const [hameconnage1] = ofTube('@hameconnage');
  const outside = release().skills.find((s) => s.competenceId === release().competences[0]!.id && s.status === 'active' && !campaignSkillIds.includes(s.id))!;
  const louisAssessment = await participation({ campaignId: assessment.id, learner: louis.learner, status: 'STARTED', createdAt: '2026-03-08T08:00:00Z' });
  await addElements(louis.user.id, [
    { skillId: ofTube('@motsDePasse')[0]!, status: 'validated', at: '2026-02-01T10:00:00Z' },
    { skillId: hameconnage1!, status: 'invalidated', at: '2026-02-01T10:00:00Z' },
    { skillId: ofTube('@motsDePasse')[1]!, status: 'validated', at: '2026-02-01T10:00:00Z' },
    { skillId: ofTube('@motsDePasse')[1]!, status: 'reset', at: '2026-02-02T10:00:00Z' },
    { skillId: ofTube('@logicielsMalveillants')[0]!, status: 'invalidated', at: '2026-03-07T10:00:00Z' },
    { skillId: outside.id, status: 'validated', at: '2026-03-07T10:00:00Z' },
  ]);

  const charlesFirst = await participation({ campaignId: assessment.id, learner: charles.learner, status: 'TO_SHARE', createdAt: '2026-03-01T08:00:00Z', externalId: '12345' });
  await addElements(charles.user.id, [
    ...ofTube('@motsDePasse').map((id) => ({ skillId: id, status: 'validated' as const, at: '2026-03-01T08:10:00Z' })),
    { skillId: hameconnage1!, status: 'invalidated', at: '2026-03-01T08:20:00Z' },
  ]);
  await share(charles.agent, charlesFirst.id);
  const charlesFirstCollection = await participation({ campaignId: collection.id, learner: charles.learner, status: 'TO_SHARE', createdAt: '2026-03-02T09:00:00Z' });
  await share(charles.agent, charlesFirstCollection.id);
  await markImproved(charlesFirst.id);
  await markImproved(charlesFirstCollection.id);

  setNow('2026-03-09T23:30:00Z');
  const charlesRetry = await participation({ campaignId: assessment.id, learner: charles.learner, status: 'STARTED', createdAt: '2026-03-08T09:00:00Z', externalId: '12345' });
  await addElements(charles.user.id, [
    { skillId: hameconnage1!, status: 'validated', at: '2026-03-08T09:05:00Z' },
    { skillId: outside.id, status: 'validated', at: '2026-03-08T09:06:00Z' },
  ]);
  const charlesSecondCollection = await participation({ campaignId: collection.id, learner: charles.learner, status: 'TO_SHARE', createdAt: '2026-03-09T08:00:00Z' });
  await share(charles.agent, charlesSecondCollection.id);

  const inesAssessment = await participation({ campaignId: assessment.id, learner: ines.learner, status: 'TO_SHARE', createdAt: '2026-03-05T07:00:00Z', externalId: 'AB-12' });
  await addElements(ines.user.id, [
    ...campaignSkillIds.map((id) => ({ skillId: id, status: 'validated' as const, at: '2026-03-05T07:30:00Z' })),
    { skillId: outside.id, status: 'validated', at: '2026-03-05T07:40:00Z' },
  ]);
  await share(ines.agent, inesAssessment.id);
  const inesCollection = await participation({ campaignId: collection.id, learner: ines.learner, status: 'TO_SHARE', createdAt: '2026-03-09T10:00:00Z' });
  await share(ines.agent, inesCollection.id);
  await participation({ campaignId: other.id, learner: ines.learner, status: 'TO_SHARE', createdAt: '2026-03-06T07:00:00Z' });
  await participation({ campaignId: collection.id, learner: louis.learner, status: 'TO_SHARE', createdAt: '2026-03-09T11:00:00Z' });

  const deleted = await participation({ campaignId: assessment.id, learner: zoe.learner, status: 'STARTED', createdAt: '2026-03-04T07:00:00Z' });
  await t.database.db.update(participations).set({ deletedAt: at('2026-03-06T07:00:00Z') }).where(eq(participations.id, deleted.id));

  return {
    organization,
    teacherAgent,
    assessment,
    collection,
    campaignSkillIds,
    ofTube,
    outside,
    ids: { louisAssessment, charlesFirst, charlesRetry, inesAssessment, charlesFirstCollection, charlesSecondCollection, inesCollection },
  };
}

let fixture: Awaited<ReturnType<typeof school>>;
beforeAll(async () => {
  fixture = await school();
});

const rate = (part: number, whole: number) => {
  const hundredths = Math.floor((200 * part + whole) / (2 * whole));
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
};

describe('GET /api/campaigns/:campaignId/export.csv — assessment', () => {
  it('any member downloads it, named after the campaign and the local date, as UTF-8 CSV', async () => {
    const file = await exportOf(fixture.teacherAgent, fixture.assessment.id);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const name = `Resultats-Sécurité___3e-${fixture.assessment.id}-2026-03-10.csv`;
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="${name.replaceAll('é', 'e')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  });

  it('has the columns of §8.2 in order: identity, class, external id, progression, dates, stage, badges, mastery, competences, areas, skills', async () => {
    const { header } = await exportOf(fixture.teacherAgent, fixture.assessment.id);
    const competences = release().competences.filter((c) => fixture.campaignSkillIds.some((id) => skill(id).competenceId === c.id));
    const areas = release().areas.filter((a) => competences.some((c) => c.areaId === a.id));
    expect(header.slice(0, 18)).toEqual([
      "Nom de l'organisation",
      'ID Campagne',
      'Code',
      'Nom de la campagne',
      'Nom du Profil Cible',
      'Nom du Participant',
      'Prénom du Participant',
      'Classe',
      'Numéro de dossier',
      '% de progression',
      'Date de début',
      'Partage (O/N)',
      'Date du partage',
      'Palier obtenu (/2)',
      'Gardien des mots de passe obtenu (O/N)',
      "Détecteur d'arnaques obtenu (O/N)",
      'Sécurité au quotidien obtenu (O/N)',
      "% maitrise de l'ensemble des acquis du profil",
    ]);
    const perCompetence = competences.flatMap((c) => [
      `% de maitrise des acquis de la compétence ${c.name.fr}`,
      `Nombre d'acquis du profil cible dans la compétence ${c.name.fr}`,
      `Acquis maitrisés dans la compétence ${c.name.fr}`,
    ]);
    const perArea = areas.flatMap((a) => [
      `% de maitrise des acquis du domaine ${a.title.fr}`,
      `Nombre d'acquis du profil cible du domaine ${a.title.fr}`,
      `Acquis maitrisés du domaine ${a.title.fr}`,
    ]);
    const skillColumns = header.slice(18 + perCompetence.length + perArea.length);
    expect(header.slice(18, 18 + perCompetence.length + perArea.length)).toEqual([...perCompetence, ...perArea]);
    // Skill ids start with @: like any text, they are guarded against formulas.
    expect([...skillColumns].sort()).toEqual(fixture.campaignSkillIds.map((id) => `'${id}`).sort());
  });

  it('one line per live participation, every sending, in name order then start date; deleted ones and other campaigns never', async () => {
    const { lines } = await exportOf(fixture.teacherAgent, fixture.assessment.id);
    expect(lines.map((l) => [l['Nom du Participant'], l['Prénom du Participant'], l['Date de début']])).toEqual([
      ["'=Leroy", 'Garance "Gigi"', '2026-03-05'],
      ['Bernard', 'Louis', '2026-03-08'],
      ['Durand', 'Charles', '2026-03-01'],
      ['Durand', 'Charles', '2026-03-08'],
      ['Moreau', 'Inès', '2026-03-05'],
    ]);
    for (const line of lines) {
      expect(line).toMatchObject({
        "Nom de l'organisation": 'Collège "Les Tilleuls"',
        'ID Campagne': fixture.assessment.id,
        Code: fixture.assessment.code,
        'Nom de la campagne': 'Sécurité : 3e',
        'Nom du Profil Cible': 'Sécurité numérique au quotidien',
      });
    }
  });

  it('an unsent participation: live progression, Non, and NA for every result', async () => {
    const { lines, header } = await exportOf(fixture.teacherAgent, fixture.assessment.id);
    const total = fixture.campaignSkillIds.length;
    const [garance, louis, , charlesRetry] = lines;
    const resultColumns = header.slice(header.indexOf('Date du partage'));
    const identity = (line: Record<string, string>) => Object.fromEntries(Object.entries(line).filter(([h]) => !resultColumns.includes(h) || h.startsWith("Nombre d'acquis")));

    // Finished, not sent: 100 %.
    expect(identity(garance!)).toMatchObject({ Classe: '3A', 'Numéro de dossier': "'=1+2", '% de progression': '1,00', 'Partage (O/N)': 'Non' });
    // Louis: the old success stays, the old failure is forgotten, the reset skill is gone, the recent failure counts; other skills do not.
    expect(louis!['% de progression']).toBe(rate(2, total));
    // Charles's retry: his validated skills, and the failure of the 1st of March proved since.
    expect(charlesRetry!['% de progression']).toBe(rate(fixture.ofTube('@motsDePasse').length + 1, total));
    for (const line of [garance!, louis!, charlesRetry!]) {
      for (const column of resultColumns) {
        if (column.startsWith("Nombre d'acquis")) expect(Number(line[column])).toBeGreaterThan(0);
        else expect(line[column], column).toBe('NA');
      }
    }
  });

  it('a sent participation: its snapshot and the values computed at share, never what the learner did afterwards', async () => {
    const { lines } = await exportOf(fixture.teacherAgent, fixture.assessment.id);
    const total = fixture.campaignSkillIds.length;
    const charles = lines[2]!;
    const motsDePasse = fixture.ofTube('@motsDePasse');
    const [hameconnage1] = fixture.ofTube('@hameconnage');
    expect(charles).toMatchObject({
      'Numéro de dossier': '12345',
      '% de progression': '1,00',
      'Partage (O/N)': 'Oui',
      'Date du partage': '2026-03-03',
      'Palier obtenu (/2)': '0',
      'Gardien des mots de passe obtenu (O/N)': 'Oui',
      "Détecteur d'arnaques obtenu (O/N)": 'Non',
      'Sécurité au quotidien obtenu (O/N)': 'Non',
      "% maitrise de l'ensemble des acquis du profil": rate(motsDePasse.length, total),
    });
    for (const id of fixture.campaignSkillIds) {
      expect(charles[`'${id}`], id).toBe(motsDePasse.includes(id) ? 'OK' : id === hameconnage1 ? 'KO' : 'Non testé');
    }
    const competences = release().competences.filter((c) => fixture.campaignSkillIds.some((id) => skill(id).competenceId === c.id));
    for (const competence of competences) {
      const targeted = fixture.campaignSkillIds.filter((id) => skill(id).competenceId === competence.id);
      const validated = targeted.filter((id) => motsDePasse.includes(id)).length;
      expect(charles[`% de maitrise des acquis de la compétence ${competence.name.fr}`]).toBe(rate(validated, targeted.length));
      expect(charles[`Nombre d'acquis du profil cible dans la compétence ${competence.name.fr}`]).toBe(String(targeted.length));
      expect(charles[`Acquis maitrisés dans la compétence ${competence.name.fr}`]).toBe(String(validated));
    }
    for (const area of release().areas.filter((a) => competences.some((c) => c.areaId === a.id))) {
      const targeted = fixture.campaignSkillIds.filter((id) => release().competences.find((c) => c.id === skill(id).competenceId)!.areaId === area.id);
      const validated = targeted.filter((id) => motsDePasse.includes(id)).length;
      expect(charles[`% de maitrise des acquis du domaine ${area.title.fr}`]).toBe(rate(validated, targeted.length));
      expect(charles[`Nombre d'acquis du profil cible du domaine ${area.title.fr}`]).toBe(String(targeted.length));
      expect(charles[`Acquis maitrisés du domaine ${area.title.fr}`]).toBe(String(validated));
    }

    const ines = lines[4]!;
    expect(ines).toMatchObject({
      Classe: '3B',
      'Numéro de dossier': 'AB-12',
      'Partage (O/N)': 'Oui',
      // Sent at 23:30 UTC on the 9th: the 10th in Paris.
      'Date du partage': '2026-03-10',
      'Palier obtenu (/2)': '2',
      'Gardien des mots de passe obtenu (O/N)': 'Oui',
      "Détecteur d'arnaques obtenu (O/N)": 'Oui',
      'Sécurité au quotidien obtenu (O/N)': 'Oui',
      "% maitrise de l'ensemble des acquis du profil": '1,00',
    });
    for (const id of fixture.campaignSkillIds) expect(ines[`'${id}`]).toBe('OK');
  });

  it('writes numbers and dates raw, text quoted, and guards text a spreadsheet would run', async () => {
    const { raw } = await exportOf(fixture.teacherAgent, fixture.assessment.id);
    const inesLine = raw.split('\n').find((l) => l.includes('"Moreau"'))!;
    expect(inesLine).toContain(`"Moreau";"Inès";"3B";"AB-12";1,00;2026-03-05;"Oui";2026-03-10;2;"Oui";"Oui";"Oui";1,00;`);
    expect(raw).toContain(`"'=Leroy";"Garance ""Gigi""";"3A";"'=1+2";1,00;2026-03-05;"Non";"NA"`);
    expect(raw).toContain(`"Durand";"Charles";"3A";12345;`);
  });

  it('filters by the current class of the learners', async () => {
    const only3B = await exportOf(fixture.teacherAgent, fixture.assessment.id, '?divisions=3B');
    expect(only3B.lines.map((l) => l['Prénom du Participant'])).toEqual(['Inès']);
    const both = await exportOf(fixture.teacherAgent, fixture.assessment.id, '?divisions=3A&divisions=3B');
    expect(both.lines).toHaveLength(5);
    const none = await exportOf(fixture.teacherAgent, fixture.assessment.id, '?divisions=4C');
    expect(none.lines).toEqual([]);
    expect(none.header.length).toBeGreaterThan(18);
  });

  it("refuses another organization's member, and a deleted campaign is not found", async () => {
    const stranger = await createTeam(t.database.db);
    const agent = new Agent(t.app);
    await agent.signIn(stranger.admin.email, PASSWORD);
    expect((await exportOf(agent, fixture.assessment.id)).status).toBe(403);
    expect((await exportOf(new Agent(t.app), fixture.assessment.id)).status).toBe(401);
    const gone = await createCampaign(t.database.db, release(), { organizationId: fixture.organization.id, ownerId: stranger.admin.id, deletedAt: new Date() });
    expect((await exportOf(fixture.teacherAgent, gone.id)).status).toBe(404);
  });
});

describe('GET /api/campaigns/:campaignId/export.csv — profile collection', () => {
  it('has the columns of §8.3: sending, pix, certifiability, then level and pix of the 16 competences by index', async () => {
    const { header } = await exportOf(fixture.teacherAgent, fixture.collection.id);
    const core = release().competences.filter((c) => c.origin === 'jalon');
    expect(core).toHaveLength(16);
    expect(header).toEqual([
      "Nom de l'organisation",
      'ID Campagne',
      'Code',
      'Nom de la campagne',
      'Nom du Participant',
      'Prénom du Participant',
      'Classe',
      'Envoi (O/N)',
      "Date de l'envoi",
      'Nombre de pix total',
      'Certifiable (O/N)',
      'Nombre de compétences certifiables',
      ...core.flatMap((c) => [`Niveau pour la compétence ${c.name.fr}`, `Nombre de pix pour la compétence ${c.name.fr}`]),
    ]);
  });

  it('every sending from its own snapshot, an unsent profile as NA', async () => {
    const { lines, header } = await exportOf(fixture.teacherAgent, fixture.collection.id);
    expect(lines.map((l) => [l['Prénom du Participant'], l['Envoi (O/N)'], l["Date de l'envoi"]])).toEqual([
      ['Louis', 'Non', 'NA'],
      ['Charles', 'Oui', '2026-03-03'],
      ['Charles', 'Oui', '2026-03-10'],
      ['Inès', 'Oui', '2026-03-10'],
    ]);
    for (const column of header.slice(header.indexOf("Date de l'envoi"))) expect(lines[0]![column]).toBe('NA');

    const stored = await t.database.db.select().from(participations).where(eq(participations.campaignId, fixture.collection.id));
    const core = release().competences.filter((c) => c.origin === 'jalon');
    const expectations: [Record<string, string>, string, string[]][] = [
      [lines[1]!, fixture.ids.charlesFirstCollection.id, [...fixture.ofTube('@motsDePasse')]],
      [lines[2]!, fixture.ids.charlesSecondCollection.id, [...fixture.ofTube('@motsDePasse'), fixture.ofTube('@hameconnage')[0]!, fixture.outside.id]],
      [lines[3]!, fixture.ids.inesCollection.id, [...fixture.campaignSkillIds, fixture.outside.id]],
    ];
    for (const [line, participationId, validated] of expectations) {
      const row = stored.find((p) => p.id === participationId)!;
      let certifiable = 0;
      let total = 0;
      for (const competence of core) {
        const exact = validated.filter((id) => skill(id).competenceId === competence.id).reduce((sum, id) => sum + skill(id).pixValue, 0);
        const pix = Math.min(Math.floor(exact + 1e-9), 56);
        total += pix;
        if (pix >= 8) certifiable++;
        expect(line[`Nombre de pix pour la compétence ${competence.name.fr}`], competence.id).toBe(String(pix));
        expect(line[`Niveau pour la compétence ${competence.name.fr}`], competence.id).toBe(String(Math.floor(pix / 8)));
      }
      expect(line).toMatchObject({
        'Nombre de pix total': String(row.pixScore),
        'Certifiable (O/N)': row.isCertifiable ? 'Oui' : 'Non',
        'Nombre de compétences certifiables': String(certifiable),
      });
      expect(row.pixScore).toBe(total);
    }
  });
});

describe('GET /api/campaigns/:campaignId/export.csv — a file larger than one batch', () => {
  let large: { campaignId: string; expected: string[]; agent: Agent };
  beforeAll(async () => {
    const organization = await createOrganization(t.database.db, { type: 'PRO' });
    const teacher = await createUser(t.database.db);
    await addMember(t.database.db, organization.id, teacher.id, 'MEMBER');
    const agent = new Agent(t.app);
    await agent.signIn(teacher.email, PASSWORD);
    const campaign = await createCampaign(t.database.db, release(), { organizationId: organization.id, ownerId: teacher.id, externalIdLabel: 'N°', multipleSendings: true });
    const pupilAccount = await createUser(t.database.db);
    // Names whose sort keys collide (case, accents), so that the learner id decides between them.
    const lastNames = ['Martin', 'martin', 'Martín', 'Ångström', 'Zola', '=Zed'];
    const learners = await t.database.db
      .insert(organizationLearners)
      .values(
        Array.from({ length: 1050 }, (_, i) => {
          const lastName = lastNames[i % lastNames.length]!;
          const firstName = i % 2 === 0 ? 'Alix' : 'Bo';
          return { organizationId: organization.id, firstName, lastName, sortKey: learnerSortKey(lastName, firstName) };
        }),
      )
      .returning();
    const base = Date.parse('2026-01-05T08:00:00Z');
    const rows = learners.map((learner, i) => ({
      campaignId: campaign.id,
      userId: pupilAccount.id,
      organizationLearnerId: learner.id,
      status: i % 2 === 0 ? ('STARTED' as const) : ('TO_SHARE' as const),
      createdAt: new Date(base + (i % 3) * 60_000),
      participantExternalId: String(i),
    }));
    // Three sendings of one learner at the same instant: the participation id decides.
    for (const n of [1, 2]) {
      rows.push({ ...rows[0]!, participantExternalId: `0-${n}`, status: 'TO_SHARE' });
    }
    const inserted = await t.database.db
      .insert(participations)
      .values(rows.map((r, i) => ({ ...r, isImproved: i >= learners.length })))
      .returning();
    const byLearner = new Map(learners.map((l) => [l.id, l]));
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    const expected = [...inserted]
      .sort(
        (a, b) =>
          Buffer.compare(bytes(byLearner.get(a.organizationLearnerId)!.sortKey), bytes(byLearner.get(b.organizationLearnerId)!.sortKey)) ||
          (a.organizationLearnerId < b.organizationLearnerId ? -1 : a.organizationLearnerId > b.organizationLearnerId ? 1 : 0) ||
          a.createdAt.getTime() - b.createdAt.getTime() ||
          (a.id < b.id ? -1 : 1),
      )
      .map((p) => p.participantExternalId!);
    large = { campaignId: campaign.id, expected, agent };
  });

  it('reads every batch in order, without losing or repeating a line', async () => {
    const { lines } = await exportOf(large.agent, large.campaignId);
    expect(lines.map((l) => l['N°'])).toEqual(large.expected);
    expect(lines.filter((l) => l['% de progression'] === '0,00')).toHaveLength(525);
  });

  it('an abandoned download gives its connection back', async () => {
    const exported = await campaignExport({ database: t.database, clock: t.clock, release: release() }, large.campaignId, { divisions: [], groups: [] });
    const lines = exported.lines();
    for (let i = 0; i < 3; i++) expect((await lines.next()).done).toBe(false);
    await lines.return(undefined);
    if (t.database.pool) expect(t.database.pool.idleCount).toBe(t.database.pool.totalCount);
    expect((await exportOf(large.agent, large.campaignId)).lines).toHaveLength(large.expected.length);
  });
});

describe('GET /api/campaigns/:campaignId/export.csv — higher education and exams', () => {
  it('a SUP school managing students: Groupe and Numéro Étudiant, filtered by group', async () => {
    const organization = await createOrganization(t.database.db, { type: 'SUP', isManagingStudents: true });
    const teacher = await createUser(t.database.db);
    await addMember(t.database.db, organization.id, teacher.id, 'MEMBER');
    const agent = new Agent(t.app);
    await agent.signIn(teacher.email, PASSWORD);
    const campaign = await createCampaign(t.database.db, release(), { organizationId: organization.id, ownerId: teacher.id, type: 'PROFILES_COLLECTION' });
    const student = await createUser(t.database.db);
    const learners = await t.database.db
      .insert(organizationLearners)
      .values([
        { organizationId: organization.id, firstName: 'Ada', lastName: 'Byron', sortKey: learnerSortKey('Byron', 'Ada'), group: 'L1 Info', studentNumber: '2024-001' },
        { organizationId: organization.id, firstName: 'Alan', lastName: 'Turing', sortKey: learnerSortKey('Turing', 'Alan'), group: 'M2', studentNumber: 'ET_42' },
      ])
      .returning();
    for (const learner of learners) await participation({ campaignId: campaign.id, learner: { id: learner.id, userId: student.id }, status: 'TO_SHARE', createdAt: '2026-02-02T10:00:00Z' });

    const all = await exportOf(agent, campaign.id);
    expect(all.header.slice(4, 9)).toEqual(['Nom du Participant', 'Prénom du Participant', 'Groupe', 'Numéro Étudiant', 'Envoi (O/N)']);
    expect(all.raw).toContain('"Byron";"Ada";"L1 Info";2024-001;"Non";"NA"');
    const m2 = await exportOf(agent, campaign.id, '?groups=M2');
    expect(m2.lines.map((l) => [l['Nom du Participant'], l.Groupe, l['Numéro Étudiant']])).toEqual([['Turing', 'M2', 'ET_42']]);
  });

  it("an unsent exam's progression counts its own knowledge, not the learner's profile", async () => {
    const organization = await createOrganization(t.database.db, { type: 'PRO' }, ['CAMPAIGN_WITHOUT_USER_PROFILE']);
    const teacher = await createUser(t.database.db);
    await addMember(t.database.db, organization.id, teacher.id, 'MEMBER');
    const agent = new Agent(t.app);
    await agent.signIn(teacher.email, PASSWORD);
    const exam = await createCampaign(t.database.db, release(), { organizationId: organization.id, ownerId: teacher.id, type: 'EXAM', targetProfileId: 'tp-securite-au-quotidien' });
    const profile = release().targetProfiles.find((p) => p.id === 'tp-securite-au-quotidien')!;
    const skills = skillsOfProfile(release(), profile);
    const user = await createUser(t.database.db);
    const learner = await createLearner(t.database.db, organization.id, { firstName: 'Emma', lastName: 'Noether', birthdate: '2001-03-23', userId: user.id });
    const started = await participation({ campaignId: exam.id, learner, status: 'STARTED', createdAt: '2026-02-02T10:00:00Z' });
    // Her profile knows three campaign skills; the exam itself has measured one.
    await addElements(user.id, skills.slice(0, 3).map((s) => ({ skillId: s.id, status: 'validated' as const, at: '2026-01-10T10:00:00Z' })));
    const own = skills[5]!;
    const [test] = await t.database.db.insert(assessments).values({ userId: user.id, type: 'CAMPAIGN', participationId: started.id, createdAt: at('2026-02-02T10:00:00Z') }).returning();
    await t.database.db.insert(knowledgeElements).values({
      createdAt: at('2026-02-02T10:05:00Z'),
      userId: user.id,
      assessmentId: test!.id,
      participationId: started.id,
      skillId: own.id,
      tubeId: own.tubeId,
      competenceId: own.competenceId,
      source: 'direct',
      status: 'invalidated',
      earnedPix: 0,
    });
    const { lines } = await exportOf(agent, exam.id);
    expect(lines.map((l) => l['% de progression'])).toEqual([rate(1, skills.length)]);
  });
});
