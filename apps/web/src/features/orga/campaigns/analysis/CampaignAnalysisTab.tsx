import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { localized } from '../../../shared/content/localized';
import { ErrorSummary } from '../../../shared/ui/ErrorSummary';
import { Loading } from '../../../shared/ui/Loading';
import { useCampaignOfPage } from '../CampaignPage';
import { AreaSwatch, ClassFilter, LevelGauge, TubeList, useClassFilter } from './AnalysisParts';
import { useCampaignAnalysis } from './analysisQueries';

const VIEWS = ['sujets', 'competences'] as const;

/**
 * `/orga/campagnes/:id/analyse?vue=sujets|competences` (`analytics-and-exports.md` §5): the
 * tubes to work on next with their tutorials, or the class's level per competence.
 */
export function CampaignAnalysisTab() {
  const { t, i18n } = useTranslation();
  const campaign = useCampaignOfPage();
  const [params] = useSearchParams();
  const view = params.get('vue') === 'competences' ? 'competences' : 'sujets';
  const filter = useClassFilter();
  const analysis = useCampaignAnalysis(campaign.id, { divisions: filter.divisions, groups: filter.groups }, campaign.type !== 'PROFILES_COLLECTION');
  const data = analysis.data;
  const linkTo = (next: (typeof VIEWS)[number]) => {
    const search = new URLSearchParams(params);
    search.set('vue', next);
    return `?${search.toString()}`;
  };
  return (
    <section aria-labelledby="campaign-analysis-title" data-testid="campaign-analysis">
      <h2 id="campaign-analysis-title">{t('orga.campaigns.tabs.analysis')}</h2>
      <p>{t('orga.analysis.note')}</p>
      {campaign.type === 'PROFILES_COLLECTION' ? (
        <p data-testid="analysis-not-applicable">{t('orga.analysis.profilesCollection')}</p>
      ) : (
        <>
          <nav aria-label={t('orga.analysis.views.label')} className="view-switch">
            {VIEWS.map((name) => (
              <Link key={name} to={linkTo(name)} aria-current={view === name ? 'page' : undefined} data-testid={`analysis-view-${name}`}>
                {t(`orga.analysis.views.${name}`)}
              </Link>
            ))}
          </nav>
          {data ? <ClassFilter divisions={data.divisions} groups={data.groups} /> : null}
          {analysis.isPending ? <Loading /> : null}
          <ErrorSummary error={analysis.error} />
          {data ? (
            <>
              <p data-testid="analysis-count">{t('orga.analysis.counted', { count: data.participantCount })}</p>
              {data.participantCount === 0 ? (
                <p data-testid="analysis-empty">{t('orga.analysis.empty')}</p>
              ) : view === 'sujets' ? (
                <>
                  <h3 className="visually-hidden">{t('orga.analysis.views.sujets')}</h3>
                  <p>{t('orga.analysis.tubesIntro')}</p>
                  <TubeList tubes={data.tubes} showMarks={false} />
                </>
              ) : (
                <div data-testid="analysis-competences">
                  {data.global ? (
                    <div className="global-gauge" data-testid="analysis-global">
                      <h3>{t('orga.analysis.global')}</h3>
                      <LevelGauge gauge={data.global} />
                    </div>
                  ) : null}
                  <ul className="competence-gauges">
                    {data.competences.map((competence) => (
                      <li key={competence.id} className="competence-gauge" data-testid="analysis-competence">
                        <h3 className="competence-gauge__title">
                          <AreaSwatch color={competence.areaColor} />
                          {`${competence.index} ${localized(competence.name, i18n.language)}`}
                        </h3>
                        <LevelGauge gauge={competence.gauge} />
                      </li>
                    ))}
                  </ul>
                  <BandLegend />
                </div>
              )}
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The level bands of the glossary, so a band's name means something. */
function BandLegend() {
  const { t } = useTranslation();
  return (
    <div className="band-legend" data-testid="band-legend">
      <h3>{t('orga.analysis.legend.title')}</h3>
      <dl>
        {(['NOT_ASSESSED', 'BEGINNER', 'INDEPENDENT', 'ADVANCED', 'EXPERT'] as const).map((band) => (
          <div key={band}>
            <dt>{t(`orga.analysis.bands.${band}`)}</dt>
            <dd>{t(`orga.analysis.legend.${band}`)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
