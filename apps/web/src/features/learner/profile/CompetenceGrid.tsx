import type { ReactNode } from 'react';
import type { Profile } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { areaColor } from './areaColor';

export type CompetenceProfile = Profile['competences'][number];

/** Pix per level (`scoring-and-algorithm.md`): the gauge shows how far the next level is. */
const PIX_PER_LEVEL = 8;

interface Area {
  code: string;
  title: string;
  color: string;
  competences: CompetenceProfile[];
}

function byArea(competences: CompetenceProfile[]): Area[] {
  const areas = new Map<string, Area>();
  for (const competence of competences) {
    const area = areas.get(competence.areaCode) ?? { code: competence.areaCode, title: competence.areaTitle, color: areaColor(competence.areaColor), competences: [] };
    area.competences.push(competence);
    areas.set(competence.areaCode, area);
  }
  return [...areas.values()];
}

interface CompetenceGridProps {
  competences: CompetenceProfile[];
  /** The one action of a card (profile page), or nothing (profile collection). */
  action?: (competence: CompetenceProfile) => ReactNode;
  /** Wraps the competence name, e.g. in a link to its details. */
  renderName?: (competence: CompetenceProfile, name: ReactNode) => ReactNode;
}

/** The 16 competences as cards, grouped under their 5 areas, each area in its colour. */
export function CompetenceGrid({ competences, action, renderName }: CompetenceGridProps) {
  const { t } = useTranslation();
  return (
    <div className="areas" data-testid="competence-areas">
      {byArea(competences).map((area) => (
        <section key={area.code} aria-labelledby={`area-${area.code}`} className="area" style={{ borderTopColor: area.color }} data-testid="competence-area">
          <h2 id={`area-${area.code}`}>
            <span className="area__swatch" style={{ background: area.color }} aria-hidden="true" />
            {area.code}. {area.title}
          </h2>
          <ul className="competence-cards">
            {area.competences.map((competence) => {
              const name = (
                <>
                  {competence.index} {competence.name}
                </>
              );
              const filled = competence.isMaxLevel ? PIX_PER_LEVEL : Math.max(0, PIX_PER_LEVEL - competence.pixToNextLevel);
              return (
                <li key={competence.id} className="competence-card" style={{ borderLeftColor: area.color }} data-testid="competence-card">
                  <h3 className="competence-card__name">{renderName ? renderName(competence, name) : name}</h3>
                  <p className="competence-card__figures">
                    <span data-testid="competence-level">{t('learner.profile.level', { level: competence.level })}</span>
                    <span data-testid="competence-pix">{t('learner.profile.pix', { count: competence.pix })}</span>
                  </p>
                  <div className="gauge" aria-hidden="true">
                    <span style={{ width: `${(filled / PIX_PER_LEVEL) * 100}%`, background: area.color }} />
                  </div>
                  <p className="competence-card__next">
                    {competence.isMaxLevel
                      ? t('learner.profile.maxLevel')
                      : t('learner.profile.toNextLevel', { count: competence.pixToNextLevel, level: competence.level + 1 })}
                  </p>
                  {action ? <div className="competence-card__action">{action(competence)}</div> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
