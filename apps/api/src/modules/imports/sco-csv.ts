import { parseFrenchDate, type ImportedLearner, type IssueList, type ParsedRoster } from './roster';
import { readCsvImport, rowChecks, type ColumnSpec, type Row } from './csv';

/** The SCO CSV of agricultural schools (`learners-and-accounts.md` §2.2), in the template's order. */
export const SCO_CSV_COLUMNS = [
  { name: 'Identifiant unique', inHeader: true },
  { name: 'Premier prénom', inHeader: true },
  { name: 'Deuxième prénom', inHeader: false },
  { name: 'Troisième prénom', inHeader: false },
  { name: 'Nom de famille', inHeader: true },
  { name: "Nom d'usage", inHeader: false },
  { name: 'Date de naissance (jj/mm/aaaa)', inHeader: true },
  { name: 'Code commune naissance', inHeader: false },
  { name: 'Libellé commune naissance', inHeader: false },
  { name: 'Code département naissance', inHeader: true },
  { name: 'Code pays naissance', inHeader: true },
  { name: 'Statut', inHeader: true },
  { name: 'Code MEF', inHeader: true },
  { name: 'Division', inHeader: true },
] as const satisfies readonly ColumnSpec[];

const FRANCE = '99100';
const DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

export function parseScoCsv(bytes: Buffer): ParsedRoster {
  const seen = new Set<string>();
  return readCsvImport(bytes, SCO_CSV_COLUMNS, (row: Row, line: number, issues: IssueList): ImportedLearner | null => {
    const check = rowChecks(row, line, issues);
    const id = check.text('Identifiant unique', { required: true });
    check.unique('Identifiant unique', id, seen);
    const firstName = check.text('Premier prénom', { required: true });
    const middleName = check.text('Deuxième prénom');
    const thirdName = check.text('Troisième prénom');
    const lastName = check.text('Nom de famille', { required: true });
    const preferredLastName = check.text("Nom d'usage");
    const rawBirthdate = check.matching('Date de naissance (jj/mm/aaaa)', DATE, '31/12/2012', { required: true });
    const birthdate = rawBirthdate === null ? null : parseFrenchDate(rawBirthdate);
    if (rawBirthdate !== null && birthdate === null) {
      issues.add('FIELD_FORMAT_INVALID', { line, column: 'Date de naissance (jj/mm/aaaa)', meta: { expected: '31/12/2012' } });
    }
    const province = check.matching('Code département naissance', /^[0-9A-Za-z]{2,3}$/, '21, 2A, 971', { required: true });
    const country = check.matching('Code pays naissance', /^99[1-5]\d\d$/, '99100', { required: true });
    const status = check.matching('Statut', /^(ST|AP)$/, 'ST, AP', { required: true });
    const mefCode = check.text('Code MEF', { required: true });
    const division = check.text('Division', { required: true });
    const bornInFrance = country === FRANCE;
    const cityCode = check.matching('Code commune naissance', /^(\d{5}|2[AB]\d{3})$/i, '21231, 2A004', { required: bornInFrance });
    const city = check.text('Libellé commune naissance', { required: country !== null && !bornInFrance });
    if (id === null || firstName === null || lastName === null || birthdate === null) return null;
    return {
      key: id,
      values: {
        nationalStudentId: id,
        firstName,
        middleName,
        thirdName,
        lastName,
        preferredLastName,
        birthdate,
        birthCityCode: cityCode,
        birthCity: city,
        birthProvinceCode: province,
        birthCountryCode: country,
        status,
        mefCode,
        division,
      },
    };
  });
}
