import type { CampaignResults } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../shared/content/Markdown';
import { assetUrl } from '../../shared/content/assetUrl';
import { areaColor } from '../profile/areaColor';

/**
 * The reached stage as stars, with its title and message; the stars are drawn, their count is
 * said. The zero stage has no star: stage k of n shows k − 1 stars of n − 1 (`content-model.md` §7).
 */
export function StageStars({ stage }: { stage: NonNullable<CampaignResults['stage']> }) {
  const { t } = useTranslation();
  const stars = Math.max(0, stage.reached - 1);
  const total = Math.max(0, stage.total - 1);
  return (
    <div className="stage" data-testid="results-stage">
      <p className="stage__stars" role="img" aria-label={t('learner.results.stars', { count: stars, total })} data-testid="results-stars">
        {Array.from({ length: total }, (_, index) => (
          <span key={index} className={index < stars ? 'star star--on' : 'star'} aria-hidden="true">
            ★
          </span>
        ))}
      </p>
      <p className="stage__title">
        <strong>{stage.title}</strong>
      </p>
      <Markdown text={stage.message} />
    </div>
  );
}

/** Badge images come from the release; anything else is not loaded (no other origin). */
function badgeImage(url: string | null): string | null {
  if (url === null) return null;
  if (url.startsWith('assets/')) return assetUrl(url);
  return url.startsWith('/') && !url.startsWith('//') ? url : null;
}

export function BadgeList({ badges }: { badges: CampaignResults['badges'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="results-badges" className="card" data-testid="results-badges">
      <h2 id="results-badges">{t('learner.results.badges')}</h2>
      <ul className="badges">
        {badges.map((badge) => {
          const image = badgeImage(badge.imageUrl);
          return (
            <li key={badge.key} className={badge.obtained ? 'badge badge--obtained' : 'badge'} data-testid="results-badge" data-obtained={badge.obtained}>
              {image ? <img src={image} alt="" className="badge__image" /> : null}
              <div>
                <p className="badge__title">
                  <strong>{badge.title}</strong> — {t(badge.obtained ? 'learner.results.badgeObtained' : 'learner.results.badgeProgress', { progress: badge.progress })}
                </p>
                {badge.obtained ? <Markdown text={badge.message} /> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function CompetenceMasteryList({ competences }: { competences: CampaignResults['competences'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="results-competences" className="card" data-testid="results-competences">
      <h2 id="results-competences">{t('learner.results.competences')}</h2>
      <ul className="mastery-list">
        {competences.map((competence) => (
          <li key={competence.id} className="mastery" style={{ borderLeftColor: areaColor(competence.areaColor) }} data-testid="results-competence">
            <span className="mastery__name">
              {competence.index} {competence.name}
            </span>
            <span className="mastery__bar" aria-hidden="true">
              <span style={{ width: `${Math.min(100, Math.max(0, competence.masteryPercent))}%`, background: areaColor(competence.areaColor) }} />
            </span>
            <span className="mastery__value">{t('learner.results.percent', { percent: competence.masteryPercent })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
