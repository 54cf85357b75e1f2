import { applyT1, preTreat } from '@jalon/engine';
import { parseFrenchDate, IssueList, type ImportedLearner, type ParsedRoster } from './roster';
import { readCsvImport, rowChecks, type ColumnSpec, type Row } from './csv';

/** The SUP CSV (`learners-and-accounts.md` §2.3), in the template's order. */
export const SUP_CSV_COLUMNS = [
  { name: 'Premier prénom', inHeader: true },
  { name: 'Deuxième prénom', inHeader: false },
  { name: 'Troisième prénom', inHeader: false },
  { name: 'Nom de famille', inHeader: true },
  { name: "Nom d'usage", inHeader: false },
  { name: 'Date de naissance (jj/mm/aaaa)', inHeader: true },
  { name: 'Email', inHeader: false },
  { name: 'Numéro étudiant', inHeader: true },
  { name: 'Composante', inHeader: false },
  { name: 'Équipe pédagogique', inHeader: false },
  { name: 'Groupe', inHeader: false },
  { name: 'Diplôme', inHeader: false },
  { name: 'Régime', inHeader: false },
] as const satisfies readonly ColumnSpec[];

/** What an unknown diploma or study scheme is stored as. */
const NOT_RECOGNIZED = 'Non reconnu';

const DIPLOMAS = [
  'Licence',
  'Licence professionnelle',
  'Bachelor universitaire de technologie (BUT)',
  'Diplôme universitaire de technologie (DUT)',
  'Brevet de technicien supérieur (BTS)',
  'DEUST',
  'Master',
  'Doctorat',
  'Diplôme d’ingénieur',
  'Diplôme d’université (DU)',
  'Diplôme d’école de commerce',
  'Classe préparatoire aux grandes écoles',
  'Autre diplôme',
];

const STUDY_SCHEMES = ['Formation initiale', 'Formation continue', 'Formation en alternance', 'Apprentissage', 'Formation à distance', 'Autre régime'];

const STUDENT_NUMBER = /^[a-zA-Z0-9_-]{1,255}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

/** Known values matched whatever their case, accents or apostrophes; the stored value is the canonical one. */
function recognizer(values: readonly string[]): (value: string) => string | null {
  const byKey = new Map(values.map((value) => [applyT1(preTreat(value)), value]));
  return (value) => byKey.get(applyT1(preTreat(value))) ?? null;
}
const diplomaOf = recognizer(DIPLOMAS);
const studySchemeOf = recognizer(STUDY_SCHEMES);

export function parseSupCsv(bytes: Buffer): ParsedRoster {
  const seen = new Set<string>();
  const warnings = new IssueList();
  const recognized = (value: string | null, known: (value: string) => string | null, column: string, code: string) => {
    if (value === null) return null;
    const canonical = known(value);
    if (canonical !== null) return canonical;
    return { unknown: value, column, code };
  };
  return readCsvImport(
    bytes,
    SUP_CSV_COLUMNS,
    (row: Row, line: number, issues: IssueList): ImportedLearner | null => {
      const check = rowChecks(row, line, issues);
      const firstName = check.text('Premier prénom', { required: true });
      const middleName = check.text('Deuxième prénom');
      const thirdName = check.text('Troisième prénom');
      const lastName = check.text('Nom de famille', { required: true });
      const preferredLastName = check.text("Nom d'usage");
      const rawBirthdate = check.matching('Date de naissance (jj/mm/aaaa)', DATE, '31/12/2002', { required: true });
      const birthdate = rawBirthdate === null ? null : parseFrenchDate(rawBirthdate);
      if (rawBirthdate !== null && birthdate === null) {
        issues.add('FIELD_FORMAT_INVALID', { line, column: 'Date de naissance (jj/mm/aaaa)', meta: { expected: '31/12/2002' } });
      }
      const email = check.matching('Email', EMAIL, 'prenom.nom@example.org');
      const studentNumber = check.matching('Numéro étudiant', STUDENT_NUMBER, 'A-Z a-z 0-9 _ -', { required: true });
      check.unique('Numéro étudiant', studentNumber, seen);
      const department = check.text('Composante');
      const educationalTeam = check.text('Équipe pédagogique');
      const group = check.text('Groupe');
      const stored = [
        recognized(check.text('Diplôme'), diplomaOf, 'Diplôme', 'DIPLOMA_NOT_RECOGNIZED'),
        recognized(check.text('Régime'), studySchemeOf, 'Régime', 'STUDY_SCHEME_NOT_RECOGNIZED'),
      ].map((value) => {
        if (value === null || typeof value === 'string') return value;
        warnings.add(value.code, { line, column: value.column, meta: { value: value.unknown } });
        return NOT_RECOGNIZED;
      });
      if (firstName === null || lastName === null || birthdate === null || studentNumber === null) return null;
      return {
        key: studentNumber,
        values: {
          firstName,
          middleName,
          thirdName,
          lastName,
          preferredLastName,
          birthdate,
          email,
          studentNumber,
          department,
          educationalTeam,
          group,
          diploma: stored[0] ?? null,
          studyScheme: stored[1] ?? null,
        },
      };
    },
    { warnings },
  );
}
