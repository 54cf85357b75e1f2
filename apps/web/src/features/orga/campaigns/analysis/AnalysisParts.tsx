import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisTube, LevelGauge as LevelGaugeValues } from '@jalon/contracts';
import { tutorialMinutes } from '../../../admin/challenges/tutorialDuration';
import { localized } from '../../../shared/content/localized';
import { isSafeLink } from '../../../learner/content/safeLink';
import { areaColor } from '../../../learner/profile/areaColor';
import { MultiSelectFilter, useFilterParams } from '../FollowUpFilters';
import type { ClassFilter as ClassFilterValues } from './analysisQueries';
import '../followUp.css';
import './analysis.css';

/** Figures are written the reader's way (« 1,67 » in French). */
export function useNumber() {
  const { i18n } = useTranslation();
  return (value: number) => value.toLocaleString(i18n.language, { maximumFractionDigits: 2 });
}

/**
 * A horizontal gauge: the bar is decoration, the sentence beside it says the same thing, so
 * nothing depends on seeing the bar.
 */
export function Gauge({ percent, text, color, testId }: { percent: number; text: string; color?: string; testId?: string }) {
  return (
    <div className="level-bar" data-testid={testId} data-percent={percent}>
      <span className="level-bar__track" aria-hidden="true">
        <span className="level-bar__fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%`, ...(color ? { background: color } : {}) }} />
      </span>
      <span className="level-bar__text">{text}</span>
    </div>
  );
}

/** Mean reached level against the mean maximum, with its band (spec glossary). */
export function LevelGauge({ gauge, testId }: { gauge: LevelGaugeValues; testId?: string }) {
  const { t } = useTranslation();
  const number = useNumber();
  return (
    <div className="level-gauge" data-testid={testId}>
      <Gauge percent={gauge.percent} text={t('orga.analysis.levelOf', { level: number(gauge.meanLevel), max: number(gauge.meanMaxLevel), percent: gauge.percent })} />
      <p className="level-gauge__band" data-testid="level-band" data-band={gauge.band}>
        {t(`orga.analysis.bands.${gauge.band}`)}
      </p>
    </div>
  );
}

/** 1–4 bubbles as an image with its words; the words also show, for everyone. */
export function Bubbles({ count }: { count: number }) {
  const { t } = useTranslation();
  const label = t(`orga.analysis.recommendation.${count}`);
  return (
    <span className="bubbles" data-testid="tube-bubbles" data-count={count}>
      <span role="img" aria-label={t('orga.analysis.bubblesLabel', { count, label })} className="bubbles__dots">
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={i <= count ? 'bubble bubble--on' : 'bubble'} aria-hidden="true" />
        ))}
      </span>
      <span className="bubbles__label" aria-hidden="true">
        {label}
      </span>
    </span>
  );
}

export function AreaSwatch({ color }: { color: string }) {
  return <span className="area-swatch" style={{ background: areaColor(color) }} aria-hidden="true" />;
}

/** The class and group filter of every analysis view, kept in the URL like the other tabs' filters. */
export function useClassFilter(): ClassFilterValues & { apply: (next: Partial<ClassFilterValues>) => void } {
  const filters = useFilterParams();
  const divisions = filters.many('classe');
  const groups = filters.many('groupe');
  return {
    divisions,
    groups,
    apply: (next) => filters.apply({ classe: next.divisions ?? divisions, groupe: next.groups ?? groups }),
  };
}

export function ClassFilter({ divisions, groups }: { divisions: string[]; groups: string[] }) {
  const { t } = useTranslation();
  const filter = useClassFilter();
  if (divisions.length === 0 && groups.length === 0) return null;
  return (
    <div className="analysis-filters" data-testid="analysis-filters">
      <MultiSelectFilter
        label={t('orga.followUp.filters.divisions')}
        options={divisions.map((d) => ({ value: d, label: d }))}
        selected={filter.divisions}
        onChange={(next) => filter.apply({ divisions: next })}
        testId="filter-divisions"
      />
      <MultiSelectFilter
        label={t('orga.followUp.filters.groups')}
        options={groups.map((g) => ({ value: g, label: g }))}
        selected={filter.groups}
        onChange={(next) => filter.apply({ groups: next })}
        testId="filter-groups"
      />
    </div>
  );
}

/**
 * One tube of « Analyse »: where it sits, how far the learners got, how much it is
 * recommended, and its tutorials on demand; `showMarks` for one participant's analysis.
 */
export function TubeItem({ tube, showMarks }: { tube: AnalysisTube; showMarks: boolean }) {
  const { t, i18n } = useTranslation();
  const number = useNumber();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const titleId = useId();
  const title = localized(tube.practicalTitle, i18n.language);
  const shown = tube.tutorials.filter((tutorial) => tutorial.shownDuringTest).length;
  return (
    <li className="tube" data-testid="analysis-tube" data-tube-id={tube.id} style={{ borderLeftColor: areaColor(tube.competence.areaColor) }}>
      <p className="tube__competence">
        <AreaSwatch color={tube.competence.areaColor} />
        {`${tube.competence.index} ${localized(tube.competence.name, i18n.language)}`}
      </p>
      <h3 id={titleId} className="tube__title">
        {title}
      </h3>
      <p className="tube__description">{localized(tube.practicalDescription, i18n.language)}</p>
      <div className="tube__figures">
        <Gauge
          percent={tube.percent}
          color={areaColor(tube.competence.areaColor)}
          text={t(showMarks ? 'orga.analysis.levelOfOne' : 'orga.analysis.levelOf', { level: number(tube.meanReached), max: tube.maxLevel, percent: tube.percent })}
          testId="tube-gauge"
        />
        <Bubbles count={tube.bubbles} />
      </div>
      {tube.tutorials.length > 0 ? (
        <>
          <button
            type="button"
            className="button button--secondary tube__toggle"
            aria-expanded={open}
            aria-controls={listId}
            aria-describedby={titleId}
            onClick={() => setOpen(!open)}
            data-testid="tube-tutorials-toggle"
          >
            {t(open ? 'orga.analysis.tutorials.hide' : 'orga.analysis.tutorials.show', { count: tube.tutorials.length })}
            {showMarks && shown > 0 ? ` · ${t('orga.analysis.tutorials.shownCount', { count: shown })}` : ''}
          </button>
          <ul id={listId} className="tube__tutorials" hidden={!open} data-testid="tube-tutorials">
            {tube.tutorials.map((tutorial) => {
              const minutes = tutorialMinutes(tutorial.duration);
              return (
                <li key={tutorial.id} className="tutorial-line" data-testid="analysis-tutorial" data-shown={tutorial.shownDuringTest}>
                  {isSafeLink(tutorial.link) ? (
                    <a href={tutorial.link} target="_blank" rel="noopener noreferrer">
                      {tutorial.title}
                      <span className="visually-hidden"> {t('common.newWindow')}</span>
                    </a>
                  ) : (
                    tutorial.title
                  )}
                  <span className="tutorial-line__meta">
                    {[
                      tutorial.source,
                      t(`orga.analysis.formats.${tutorial.format}`, { defaultValue: tutorial.format }),
                      minutes === undefined ? tutorial.duration : t('orga.analysis.tutorials.minutes', { minutes }),
                      t('orga.analysis.tutorials.level', { level: tutorial.skillLevel }),
                    ].join(' · ')}
                  </span>
                  {showMarks && tutorial.shownDuringTest ? (
                    <span className="mark-tag" data-testid="tutorial-shown">
                      {t('orga.analysis.tutorials.shown')}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/**
 * The tubes, most recommended first unless the reader reverses it; the order lives in the
 * URL (`tri=desc`) like every list's.
 */
export function TubeList({ tubes, showMarks }: { tubes: AnalysisTube[]; showMarks: boolean }) {
  const { t } = useTranslation();
  const filters = useFilterParams();
  const descending = filters.one('tri') === 'desc';
  const ordered = descending ? [...tubes].reverse() : tubes;
  return (
    <>
      <div className="tube-sort">
        <p id="tube-sort-status" role="status">
          {t(descending ? 'orga.analysis.sort.leastFirst' : 'orga.analysis.sort.mostFirst')}
        </p>
        <button type="button" className="button button--secondary" onClick={() => filters.apply({ tri: descending ? '' : 'desc' })} data-testid="tube-sort">
          {t(descending ? 'orga.analysis.sort.toMostFirst' : 'orga.analysis.sort.toLeastFirst')}
        </button>
      </div>
      <ol className="tubes" data-testid="analysis-tubes" data-order={descending ? 'desc' : 'asc'}>
        {ordered.map((tube) => (
          <TubeItem key={tube.id} tube={tube} showMarks={showMarks} />
        ))}
      </ol>
    </>
  );
}
