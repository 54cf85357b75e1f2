import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrganizationStatistics } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { api, query } from '../../../api/client';
import { localized } from '../../shared/content/localized';
import { areaColor } from '../../learner/profile/areaColor';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { SelectField } from '../../shared/ui/SelectField';
import { useFilterParams } from '../campaigns/FollowUpFilters';
import { AreaSwatch, ClassFilter, LevelGauge, useClassFilter } from '../campaigns/analysis/AnalysisParts';
import { useOrga } from '../shell/orgaContext';
import './statistics.css';

function useStatistics(organizationId: string, selection: { schoolYear: string | null; divisions: string[]; groups: string[] }) {
  const search = query({ ...selection });
  return useQuery({
    queryKey: ['organizations', organizationId, 'statistics', search],
    queryFn: () => api.get<OrganizationStatistics>(`/api/organizations/${organizationId}/statistics${search}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * `/orga/statistiques` (`analytics-and-exports.md` §7): where the organization's learners stand
 * on each tube, from every result sent this school year, one area at a time.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const { membership } = useOrga();
  const filters = useFilterParams();
  const classes = useClassFilter();
  const schoolYear = filters.one('annee');
  const areaParam = filters.one('domaine');
  const statistics = useStatistics(membership.organization.id, { schoolYear, divisions: classes.divisions, groups: classes.groups });
  const data = statistics.data;
  const area = data?.areas.find((a) => a.id === areaParam) ?? data?.areas[0];
  const yearLabel = (year: number) => t('orga.statistics.schoolYear', { from: year, to: year + 1 });

  return (
    <Page title={t('orga.menu.statistics')} testId="orga-statistics">
      <p>{t('orga.statistics.intro')}</p>
      {statistics.isPending ? <Loading /> : null}
      <ErrorSummary error={statistics.error} />
      {data ? (
        <>
          <div className="statistics-filters">
            <SelectField
              label={t('orga.statistics.schoolYearLabel')}
              name="schoolYear"
              value={String(data.schoolYear)}
              onChange={(value) => filters.apply({ annee: value })}
              options={[...new Set([data.schoolYear, ...data.schoolYears])].sort((a, b) => b - a).map((year) => ({ value: String(year), label: yearLabel(year) }))}
              data-testid="statistics-year"
            />
            <SelectField
              label={t('orga.statistics.area')}
              name="area"
              value={area?.id ?? ''}
              onChange={(value) => filters.apply({ domaine: value })}
              options={data.areas.map((a) => ({ value: a.id, label: `${a.code}. ${localized(a.title, i18n.language)}` }))}
              data-testid="statistics-area"
            />
            <ClassFilter divisions={data.divisions} groups={data.groups} />
          </div>
          <p data-testid="statistics-count">{t('orga.statistics.counted', { count: data.learnerCount, year: yearLabel(data.schoolYear) })}</p>
          {area ? (
            <section aria-labelledby="statistics-area-title" className="statistics-area" style={{ borderTopColor: areaColor(area.color) }}>
              <h2 id="statistics-area-title">
                <AreaSwatch color={area.color} />
                {`${area.code}. ${localized(area.title, i18n.language)}`}
              </h2>
              {area.competences.map((competence) => (
                <section key={competence.id} aria-labelledby={`competence-${competence.id}`} className="statistics-competence" data-testid="statistics-competence">
                  <h3 id={`competence-${competence.id}`}>{`${competence.index} ${localized(competence.name, i18n.language)}`}</h3>
                  {competence.tubes.length === 0 ? (
                    <p className="statistics-empty">{t('orga.statistics.noResult')}</p>
                  ) : (
                    <>
                      <LevelGauge gauge={competence.gauge} testId="statistics-competence-gauge" />
                      <ul className="statistics-tubes">
                        {competence.tubes.map((tube) => (
                          <li key={tube.id} data-testid="statistics-tube">
                            <span className="statistics-tube__title">{localized(tube.practicalTitle, i18n.language)}</span>
                            <span className="statistics-tube__count">{t('orga.statistics.learners', { count: tube.learnerCount })}</span>
                            <LevelGauge gauge={tube.gauge} />
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              ))}
            </section>
          ) : null}
          <p className="statistics-note">{t('orga.statistics.note')}</p>
        </>
      ) : null}
    </Page>
  );
}
