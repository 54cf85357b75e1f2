import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A chart's data as a table, folded under the chart: the same figures for screen readers and keyboard users. */
export function ChartTable({ caption, headers, rows, testId }: { caption: string; headers: string[]; rows: ReactNode[][]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <details className="chart-table" data-testid={testId}>
      <summary>{t('orga.followUp.showTable')}</summary>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {headers.map((header, index) => (
              <th key={index} scope="col">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export interface DonutPart {
  key: string;
  label: string;
  count: number;
  percent: number;
  color: string;
}

/** A donut of shares; the figure is one image named by its figures, the legend repeats them as text. */
export function Donut({ title, label, parts, testId }: { title: string; label: string; parts: DonutPart[]; testId?: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  const radius = 15.9155; // circumference 100: a part's length is its share in percent
  let offset = 25; // start at twelve o'clock
  return (
    <figure className="chart chart--donut" aria-labelledby={headingId} data-testid={testId}>
      <figcaption id={headingId} className="chart__title">
        {title}
      </figcaption>
      <div className="donut">
        <svg viewBox="0 0 42 42" className="donut__svg" role="img" aria-label={label}>
          <circle cx="21" cy="21" r={radius} fill="none" stroke="var(--paper-alt)" strokeWidth="6" />
          {total > 0
            ? parts.map((part) => {
                const length = (100 * part.count) / total;
                const circle = (
                  <circle
                    key={part.key}
                    cx="21"
                    cy="21"
                    r={radius}
                    fill="none"
                    stroke={part.color}
                    strokeWidth="6"
                    strokeDasharray={`${length} ${100 - length}`}
                    strokeDashoffset={offset}
                  />
                );
                offset -= length;
                return circle;
              })
            : null}
          <text x="21" y="23.5" textAnchor="middle" className="donut__total">
            {total}
          </text>
        </svg>
        <ul className="legend">
          {parts.map((part) => (
            <li key={part.key} data-testid={`${testId}-${part.key}`} data-count={part.count}>
              <span className="legend__swatch" style={{ background: part.color }} aria-hidden="true" />
              {t('orga.followUp.activity.statusShare', { status: part.label, count: part.count, percent: part.percent })}
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

export interface Series {
  key: string;
  label: string;
  className: string;
}

/**
 * Running totals over days as step lines, dated in the organization's time zone. Days are
 * `YYYY-MM-DD` strings; only days on which a total changed are given.
 */
export function StepChart<K extends string>({
  title,
  label,
  from,
  to,
  days,
  series,
  formatDay,
}: {
  title: string;
  label: string;
  from: string;
  to: string;
  days: ({ date: string } & Record<K, number>)[];
  series: (Series & { key: K })[];
  formatDay: (day: string) => string;
}) {
  const headingId = useId();
  const width = 400;
  const height = 150;
  const left = 30;
  const bottom = 24;
  const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const start = dayOf(from);
  const span = Math.max(1, dayOf(to) - start + 1);
  const max = Math.max(1, ...days.flatMap((day) => series.map((s) => day[s.key])));
  const x = (date: string) => left + ((dayOf(date) - start) / span) * (width - left - 8);
  const y = (value: number) => 8 + (1 - value / max) * (height - bottom - 8);
  const end = left + (width - left - 8);
  const path = (key: K) => {
    let d = `M${left},${y(0)}`;
    let previous = 0;
    for (const day of days) {
      d += ` H${x(day.date).toFixed(1)} V${y(previous)} V${y(day[key]).toFixed(1)}`;
      previous = day[key];
    }
    return `${d} H${end}`;
  };
  return (
    <figure className="chart" aria-labelledby={headingId}>
      <figcaption id={headingId} className="chart__title">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="step-chart" role="img" aria-label={label}>
        <line x1={left} x2={end} y1={y(0)} y2={y(0)} className="step-chart__axis" />
        <line x1={left} x2={end} y1={y(max)} y2={y(max)} className="step-chart__grid" />
        <text x={left - 6} y={y(max) + 4} textAnchor="end" className="step-chart__tick">
          {max}
        </text>
        <text x={left - 6} y={y(0) + 4} textAnchor="end" className="step-chart__tick">
          0
        </text>
        {series.map((s) => (
          <path key={s.key} d={path(s.key)} className={`step-chart__line ${s.className}`} />
        ))}
      </svg>
      <div className="step-chart__dates" aria-hidden="true">
        <span>{formatDay(from)}</span>
        <span>{formatDay(to)}</span>
      </div>
      <ul className="legend legend--inline">
        {series.map((s) => (
          <li key={s.key}>
            <span className={`legend__line ${s.className}`} aria-hidden="true" />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Horizontal bars drawn inside a real table: the figures are the table's text, the bars only illustrate them. */
export function BarTable({
  title,
  headers,
  rows,
  testId,
}: {
  title: string;
  headers: [string, string];
  rows: { key: string; label: ReactNode; count: number }[];
  testId?: string;
}) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <figure className="chart">
      <table className="bar-table" data-testid={testId}>
        <caption className="chart__title">{title}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">{headers[0]}</th>
            <th scope="col">{headers[1]}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td>
                <span className="bar-table__bar" style={{ width: `${(100 * row.count) / max}%` }} aria-hidden="true" />
                <span className="bar-table__value">{row.count}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
