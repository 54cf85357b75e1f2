import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TargetProfileDetail } from '../../../api/types';
import { assetUrl } from '../../shared/content/assetUrl';
import { localized } from '../../shared/content/localized';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useOrga } from '../shell/orgaContext';
import { formatDevices, formatDuration } from './parcoursFacts';
import { parcoursUrl, useParcoursDocumentation } from './parcoursQueries';
import './documentation.css';

type Stage = TargetProfileDetail['stages'][number];

/** A parcours' documentation: what it assesses (competences, tubes with « Niveau max »), its stages and badges, and its PDF. */
export function ParcoursPage() {
  const { t } = useTranslation();
  const organizationId = useOrga().membership.organization.id;
  const targetProfileId = useParams().targetProfileId ?? '';
  const documentation = useParcoursDocumentation(organizationId, targetProfileId);
  return (
    <Page title={documentation.data?.name ?? t('orga.documentation.parcoursPage.title')} testId="parcours-page">
      <p>
        <Link to="/orga/documentation">{t('orga.documentation.parcoursPage.back')}</Link>
      </p>
      {documentation.isPending ? <Loading /> : null}
      <ErrorSummary error={documentation.error} />
      {documentation.data ? <ParcoursDocumentation detail={documentation.data} pdfUrl={`${parcoursUrl(organizationId, targetProfileId)}/pdf`} /> : null}
    </Page>
  );
}

function ParcoursDocumentation({ detail, pdfUrl }: { detail: TargetProfileDetail; pdfUrl: string }) {
  const { t, i18n } = useTranslation();
  const text = (value: { fr: string; en?: string | undefined }) => localized(value, i18n.language);

  function stageCondition(stage: Stage): string {
    if (stage.isFirstSkill) return t('orga.documentation.parcoursPage.stageFirstSkill');
    if (stage.level !== null) return stage.level === 0 ? t('orga.documentation.parcoursPage.stageStart') : t('orga.documentation.parcoursPage.stageLevel', { level: stage.level });
    return t('orga.documentation.parcoursPage.stageThreshold', { threshold: stage.threshold ?? 0 });
  }

  return (
    <>
      <p>{detail.description}</p>
      <dl className="details parcours-summary" data-testid="parcours-summary">
        <dt>{t('orga.documentation.parcoursPage.category')}</dt>
        <dd>{text(detail.categoryLabel)}</dd>
        <dt>{t('orga.documentation.parcoursPage.skills')}</dt>
        <dd data-testid="parcours-skill-count">{detail.skillCount}</dd>
        <dt>{t('orga.documentation.parcoursPage.duration')}</dt>
        <dd data-testid="parcours-duration">{t('orga.documentation.parcoursPage.durationValue', { duration: formatDuration(t, detail.estimatedMinutes) })}</dd>
        <dt>{t('orga.documentation.parcoursPage.devices')}</dt>
        <dd>{formatDevices(t, detail.devices)}</dd>
        <dt>{t('orga.documentation.parcoursPage.locales')}</dt>
        <dd>{detail.locales.map((locale) => t(`common.languageName.${locale}`, { defaultValue: locale })).join(', ')}</dd>
      </dl>
      <p>
        <a href={pdfUrl} download className="button button--secondary" data-testid="parcours-pdf-link">
          {t('orga.documentation.parcoursPage.download')}
        </a>
      </p>

      <section aria-labelledby="parcours-content">
        <h2 id="parcours-content">{t('orga.documentation.parcoursPage.content')}</h2>
        {detail.areas.map((area) => (
          <section key={area.id} aria-labelledby={`area-${area.id}`} className="parcours-area">
            <h3 id={`area-${area.id}`}>{`${area.code}. ${text(area.title)}`}</h3>
            {area.competences.map((competence) => (
              <section key={competence.id} aria-labelledby={`competence-${competence.id}`}>
                <h4 id={`competence-${competence.id}`} data-testid="competence-heading">{`${competence.index} ${text(competence.name)}`}</h4>
                <TableScroll label={t('orga.documentation.parcoursPage.tubesCaption', { competence: competence.index })}>
                  <table className="table parcours-tubes">
                    <caption className="visually-hidden">{t('orga.documentation.parcoursPage.tubesCaption', { competence: competence.index })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('orga.documentation.parcoursPage.tube')}</th>
                        <th scope="col">{t('orga.documentation.parcoursPage.level')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {competence.tubes.map((tube) => (
                        <tr key={tube.id} data-testid="tube-row">
                          <td>
                            <strong>{text(tube.practicalTitle)}</strong>
                            <p>{text(tube.practicalDescription)}</p>
                          </td>
                          <td data-testid="tube-level">{t('orga.documentation.parcoursPage.levelValue', { level: tube.level })}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              </section>
            ))}
          </section>
        ))}
      </section>

      <section aria-labelledby="parcours-stages">
        <h2 id="parcours-stages">{t('orga.documentation.parcoursPage.stages')}</h2>
        {detail.stages.length === 0 ? (
          <p>{t('orga.documentation.parcoursPage.noStages')}</p>
        ) : (
          <ol data-testid="parcours-stages">
            {detail.stages.map((stage) => (
              <li key={stage.id}>
                <strong>{stage.title}</strong> ({stageCondition(stage)}) — {stage.message}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="parcours-badges">
        <h2 id="parcours-badges">{t('orga.documentation.parcoursPage.badges')}</h2>
        {detail.badges.length === 0 ? (
          <p>{t('orga.documentation.parcoursPage.noBadges')}</p>
        ) : (
          <ul className="parcours-badges" data-testid="parcours-badges">
            {detail.badges.map((badge) => (
              <li key={badge.key}>
                <img src={assetUrl(badge.imageUrl)} alt={badge.altMessage} />
                <div>
                  <strong>{badge.title}</strong>
                  <p>{badge.message}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
