import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from '@jalon/contracts/constants';
import type { CampaignParticipantsPage } from '@jalon/contracts';
import { api, query } from '../../../api/client';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Pagination } from '../../shared/ui/Pagination';
import { TableScroll } from '../../shared/ui/TableScroll';
import { campaignKey } from './campaignQueries';
import { useCampaignOfPage } from './CampaignPage';
import { useListParams } from '../../shared/list/useListParams';


/**
 * « Participants », minimal until the follow-up issue brings the activity tab: one row per
 * learner with the status of their latest participation, and the campaign's two counts.
 */
export function CampaignParticipants() {
  const { t } = useTranslation();
  const campaign = useCampaignOfPage();
  const { page, pageSize, update } = useListParams();
  const participants = useQuery({
    queryKey: [...campaignKey(campaign.id), 'participants', page, pageSize],
    queryFn: () => api.get<CampaignParticipantsPage>(`/api/campaigns/${campaign.id}/participants${query({ page, pageSize })}`),
    placeholderData: (previous) => previous,
  });
  const data = participants.data;
  const caption = t('orga.campaigns.participants.caption', { count: campaign.participantCount, shared: campaign.sharedCount });


  return (
    <section aria-labelledby="campaign-participants-title" data-testid="campaign-participants">
      <h2 id="campaign-participants-title">{t('orga.campaigns.tabs.activity')}</h2>
      <p data-testid="participant-counts">{caption}</p>
      <p>{t('orga.campaigns.participants.note')}</p>
      {participants.isPending ? <Loading /> : null}
      <ErrorSummary error={participants.error} />
      {data && data.items.length === 0 ? <p data-testid="no-participants">{t('orga.campaigns.participants.empty')}</p> : null}
      {data && data.items.length > 0 ? (
        <>
          <TableScroll label={caption}>
            <table className="table" data-testid="participants-table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('orga.campaigns.participants.lastName')}</th>
                  <th scope="col">{t('orga.campaigns.participants.firstName')}</th>
                  {campaign.externalIdLabel ? <th scope="col">{campaign.externalIdLabel}</th> : null}
                  <th scope="col">{t('orga.campaigns.participants.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((participant) => (
                  <tr key={participant.participationId} data-testid="participant-row">
                    <th scope="row">{participant.lastName}</th>
                    <td>{participant.firstName}</td>
                    {campaign.externalIdLabel ? <td>{participant.participantExternalId ?? ''}</td> : null}
                    <td data-testid="participant-status">{t(`orga.campaigns.participants.statuses.${participant.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            pageSizes={[...PAGE_SIZES]}
            onPage={(next) => update({ page: String(next) })}
            onPageSize={(next) => update({ pageSize: String(next), page: '' })}
          />
        </>
      ) : null}
    </section>
  );
}
