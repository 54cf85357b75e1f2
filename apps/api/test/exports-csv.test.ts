import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from '../src/platform/http/attachment';
import {
  BOM,
  csvDate,
  csvInteger,
  csvLine,
  csvRate,
  csvText,
  csvYesNo,
  localDate,
  NA,
  resultsFileName,
} from '../src/modules/exports/csv';

describe('CSV serialisation (analytics-and-exports.md §8.1)', () => {
  it('starts with a UTF-8 BOM, separates with ; and ends lines with \\n alone', () => {
    expect([...Buffer.from(BOM, 'utf8')]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvLine(['"a"', '1', ''])).toBe('"a";1;\n');
  });

  it('quotes text and doubles its quotes, keeps separators and line breaks inside the quotes', () => {
    expect(csvText('Durand')).toBe('"Durand"');
    expect(csvText('Le "grand" oral')).toBe('"Le ""grand"" oral"');
    expect(csvText('a;b\nc')).toBe('"a;b\nc"');
    expect(csvText('Inès Moreau')).toBe('"Inès Moreau"');
  });

  it('writes a string of digits and hyphens raw, and nothing for an absent value', () => {
    expect(csvText('0123456')).toBe('0123456');
    expect(csvText('2026-03-09')).toBe('2026-03-09');
    expect(csvText('-12')).toBe('-12');
    expect(csvText('12 3')).toBe('"12 3"');
    expect(csvText('')).toBe('""');
    expect(csvText(null)).toBe('');
  });

  it("prefixes with ' what a spreadsheet would evaluate: =, +, -, @, tab, carriage return", () => {
    expect(csvText('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvText('+33 6')).toBe(`"'+33 6"`);
    expect(csvText('-moi')).toBe(`"'-moi"`);
    expect(csvText('@motsCles1')).toBe(`"'@motsCles1"`);
    expect(csvText('\tx')).toBe(`"'\tx"`);
    expect(csvText('\rx')).toBe(`"'\rx"`);
    expect(csvText('a=b')).toBe('"a=b"');
  });

  it('writes rates with a decimal comma and exactly two decimals, rounded half-up on the exact ratio', () => {
    expect(csvRate(3, 4)).toBe('0,75');
    expect(csvRate(1, 1)).toBe('1,00');
    expect(csvRate(0, 7)).toBe('0,00');
    expect(csvRate(1, 3)).toBe('0,33');
    expect(csvRate(2, 3)).toBe('0,67');
    // 1/8 = 0.125 and 5/8 = 0.625: half-up, never half-even or a float's whim.
    expect(csvRate(1, 8)).toBe('0,13');
    expect(csvRate(5, 8)).toBe('0,63');
    expect(csvRate(1, 200)).toBe('0,01');
    expect(csvRate(199, 200)).toBe('1,00');
  });

  it('writes integers unquoted and refuses anything else', () => {
    expect(csvInteger(0)).toBe('0');
    expect(csvInteger(512)).toBe('512');
    expect(() => csvInteger(1.5)).toThrow(RangeError);
  });

  it('says Oui / Non, and NA for what is not available', () => {
    expect(csvYesNo(true)).toBe('"Oui"');
    expect(csvYesNo(false)).toBe('"Non"');
    expect(NA).toBe('"NA"');
  });

  it("dates an instant by the organization's calendar", () => {
    const lateEvening = new Date('2026-03-09T23:30:00Z');
    expect(csvDate(lateEvening, 'Europe/Paris')).toBe('2026-03-10');
    expect(csvDate(lateEvening, 'UTC')).toBe('2026-03-09');
    expect(localDate(new Date('2026-07-01T02:00:00Z'), 'America/Cayenne')).toBe('2026-06-30');
    // Summer time: 22:30 UTC is already the next day in Paris (UTC+2).
    expect(localDate(new Date('2026-06-30T22:30:00Z'), 'Europe/Paris')).toBe('2026-07-01');
    // One second either side of local midnight, even where the offset is not whole hours (UTC+5:45).
    expect(localDate(new Date('2026-03-09T22:59:59Z'), 'Europe/Paris')).toBe('2026-03-09');
    expect(localDate(new Date('2026-03-09T23:00:00Z'), 'Europe/Paris')).toBe('2026-03-10');
    expect(localDate(new Date('2026-03-09T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026-03-09');
    expect(localDate(new Date('2026-03-09T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-03-10');
  });

  it('finds the same day as Intl, every few minutes of two years, across changes of offset', () => {
    const zones = ['Europe/Paris', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns', 'Pacific/Kiritimati', 'UTC'];
    const step = 23 * 60_000 + 13_001;
    for (const timeZone of zones) {
      const intl = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      for (let ms = Date.UTC(2018, 9, 1); ms < Date.UTC(2020, 9, 1); ms += step) {
        const instant = new Date(ms);
        const parts = Object.fromEntries(intl.formatToParts(instant).map((p) => [p.type, p.value]));
        if (localDate(instant, timeZone) !== `${parts.year}-${parts.month}-${parts.day}`) {
          expect({ timeZone, instant: instant.toISOString(), day: localDate(instant, timeZone) }).toEqual({ timeZone, instant: instant.toISOString(), day: `${parts.year}-${parts.month}-${parts.day}` });
        }
      }
    }
    expect(localDate(new Date('1850-06-01T23:55:00Z'), 'Europe/Paris')).toBe('1850-06-02');
  });

  it('names the file after the campaign, its id and the local date, with only letters, digits, - and _', () => {
    expect(resultsFileName('Évaluation 3A : rentrée/2026', 'c1d2', '2026-09-01')).toBe('Resultats-Évaluation_3A___rentrée_2026-c1d2-2026-09-01.csv');
  });

  it('gives the file name as UTF-8 (RFC 5987) and as an ASCII fallback', () => {
    expect(attachmentDisposition("Resultats-Évaluation_l'été-x.csv")).toBe(
      `attachment; filename="Resultats-Evaluation_l'ete-x.csv"; filename*=UTF-8''Resultats-%C3%89valuation_l%27%C3%A9t%C3%A9-x.csv`,
    );
  });
});
