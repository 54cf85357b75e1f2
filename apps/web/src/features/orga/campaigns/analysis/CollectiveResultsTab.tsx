import { useTranslation } from 'react-i18next';
import { localized } from '../../../shared/content/localized';
import { areaColor } from '../../../learner/profile/areaColor';
import { ErrorSummary } from '../../../shared/ui/ErrorSummary';
import { Loading } from '../../../shared/ui/Loading';
import { useCampaignOfPage } from '../CampaignPage';
import { AreaSwatch, ClassFilter, Gauge, useClassFilter, useNumber } from './AnalysisParts';
import { useCollectiveResults } from './analysisQueries';

/**
 * `/orga/campagnes/:id/resultats-collectifs` (`analytics-and-exports.md` §6): per competence,
 * the share of its skills the class validated on average, then each tube's mean level.
 */
export function CollectiveResultsTab() {
  const { t, i18n } = useTranslation();
  const number = useNumber();
  const campaign = useCampaignOfPage();
  const filter = useClassFilter();
  const results = useCollectiveResults(campaign.id, { divisions: filter.divisions, groups: filter.groups }, campaign.type !== 'PROFILES_COLLECTION');
  const data = results.data;
  return (
    <section aria-labelledby="campaign-collective-title" data-testid="campaign-collective">
      <h2 id="campaign-collective-title">{t('orga.campaigns.tabs.collective')}</h2>
      <p>{t('orga.analysis.note')}</p>
      {campaign.type === 'PROFILES_COLLECTION' ? (
        <p data-testid="analysis-not-applicable">{t('orga.analysis.profilesCollection')}</p>
      ) : (
        <>
          {data ? <ClassFilter divisions={data.divisions} groups={data.groups} /> : null}
          {results.isPending ? <Loading /> : null}
          <ErrorSummary error={results.error} />
          {data ? (
            <>
              <p data-testid="collective-count">{t('orga.analysis.counted', { count: data.participantCount })}</p>
              {data.competences.length === 0 ? (
                <p data-testid="collective-empty">{t('orga.analysis.empty')}</p>
              ) : (
                <ul className="collective">
                  {data.competences.map((competence) => (
                    <li key={competence.id} className="collective__competence" data-testid="collective-competence" style={{ borderLeftColor: areaColor(competence.areaColor) }}>
                      <h3 className="competence-gauge__title">
                        <AreaSwatch color={competence.areaColor} />
                        {`${competence.index} ${localized(competence.name, i18n.language)}`}
                      </h3>
                      <Gauge
                        percent={competence.percent}
                        color={areaColor(competence.areaColor)}
                        text={t('orga.analysis.collective.mastery', {
                          percent: competence.percent,
                          average: number(competence.averageValidatedSkills),
                          targeted: competence.targetedSkills,
                        })}
                        testId="collective-gauge"
                      />
                      <ul className="collective__tubes">
                        {competence.tubes.map((tube) => (
                          <li key={tube.id} data-testid="collective-tube">
                            <span className="collective__tube-title">{localized(tube.practicalTitle, i18n.language)}</span>
                            <Gauge percent={tube.percent} text={t('orga.analysis.levelOf', { level: number(tube.meanReached), max: tube.maxLevel, percent: tube.percent })} />
                          </li>
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              )}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
