import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Campaign } from '@jalon/contracts';
import { api } from '../../../api/client';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { useOrganization } from '../shell/useOrganization';
import { useMembers } from '../team/teamQueries';
import { campaignKey, campaignListKey, useSetArchived } from './campaignQueries';
import { CAMPAIGN_FIELDS, editableBody, valuesOf, type CampaignValues } from './campaignValues';
import { CampaignFields } from './CampaignFields';
import { useCampaignOfPage } from './CampaignPage';

/** « Paramètres » (seed item 15): every detail, and for the owner or an ADMIN the edit, archive and delete actions. */
export function CampaignSettings() {
  const { t } = useTranslation();
  const campaign = useCampaignOfPage();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);

  const refresh = async (next: Campaign) => {
    client.setQueryData(campaignKey(next.id), next);
    await client.invalidateQueries({ queryKey: campaignListKey(next.organizationId) });
  };
  const archive = useSetArchived(campaign);
  const duplicate = useMutation({
    mutationFn: () => api.post<Campaign>(`/api/campaigns/${campaign.id}/duplicate`),
    onSuccess: async (copy) => {
      await client.invalidateQueries({ queryKey: campaignListKey(copy.organizationId) });
      void navigate(`/orga/campagnes/${copy.id}/parametres`);
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/campaigns/${campaign.id}`),
    onSuccess: async () => {
      client.removeQueries({ queryKey: campaignKey(campaign.id) });
      await client.invalidateQueries({ queryKey: campaignListKey(campaign.organizationId) });
      void navigate('/orga/campagnes/les-miennes', { state: { deleted: campaign.name } });
    },
  });
  // Deleting cannot be undone (§4.4), so the dialog asks for an explicit tick before it acts.
  const deletion = useConfirmedAction(remove, { variables: () => undefined, mustAcknowledge: t('orga.campaigns.delete.mustConfirm') });

  return (
    <section aria-labelledby="campaign-settings-title" data-testid="campaign-settings">
      <h2 id="campaign-settings-title">{t('orga.campaigns.tabs.settings')}</h2>
      {saved ? <Notice tone="success" testId="campaign-saved">{t('orga.campaigns.settings.saved')}</Notice> : null}
      <ErrorSummary error={archive.error ?? duplicate.error} />
      {editing ? (
        <EditCampaignForm
          campaign={campaign}
          onDone={async (next) => {
            await refresh(next);
            setEditing(false);
            setSaved(true);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <CampaignDetails campaign={campaign} />
          <div className="actions campaign-actions">
            {campaign.canManage ? (
              <>
                <Button
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                  data-testid="edit-campaign"
                >
                  {t('orga.campaigns.settings.edit')}
                </Button>
                <Button variant="secondary" busy={archive.isPending} onClick={() => {
                    setSaved(false);
                    archive.mutate(campaign.archivedAt === null);
                  }} data-testid="archive-campaign">
                  {campaign.archivedAt === null ? t('orga.campaigns.settings.archive') : t('orga.campaigns.settings.unarchive')}
                </Button>
              </>
            ) : null}
            <Button variant="secondary" busy={duplicate.isPending} onClick={() => duplicate.mutate()} data-testid="duplicate-campaign">
              {t('orga.campaigns.settings.duplicate')}
            </Button>
            {campaign.canManage ? (
              <Button variant="danger" onClick={() => deletion.ask()} data-testid="delete-campaign">
                {t('orga.campaigns.settings.delete')}
              </Button>
            ) : null}
          </div>
          {campaign.canManage ? null : <p data-testid="campaign-read-only">{t('orga.campaigns.settings.readOnly')}</p>}
        </>
      )}
      {deletion.open ? (
        <ConfirmDialog {...deletion.dialog} title={t('orga.campaigns.delete.title', { name: campaign.name })} confirmLabel={t('orga.campaigns.delete.confirm')}>
          <p>{t('orga.campaigns.delete.text')}</p>
          <CheckboxField {...deletion.acknowledgement} label={t('orga.campaigns.delete.acknowledge')} name="acknowledge" />
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function CampaignDetails({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const none = t('orga.campaigns.settings.none');
  return (
    <dl className="details campaign-details" data-testid="campaign-details">
      <dt>{t('orga.campaigns.fields.name')}</dt>
      <dd data-testid="detail-name">{campaign.name}</dd>
      <dt>{t('orga.campaigns.fields.typeShort')}</dt>
      <dd>{t(`orga.campaigns.types.${campaign.type}`)}</dd>
      {campaign.targetProfile ? (
        <>
          <dt>{t('orga.campaigns.fields.targetProfileShort')}</dt>
          <dd>
            <Link to={`/orga/documentation/parcours/${encodeURIComponent(campaign.targetProfile.id)}`}>{campaign.targetProfile.name}</Link>
          </dd>
          <dt>{t('orga.campaigns.fields.title')}</dt>
          <dd>{campaign.title ?? none}</dd>
        </>
      ) : null}
      <dt>{t('orga.campaigns.fields.externalIdLabel')}</dt>
      <dd>{campaign.externalIdLabel ? `${campaign.externalIdLabel} (${t(`orga.campaigns.externalIdTypes.${campaign.externalIdType ?? 'STRING'}`)})` : none}</dd>
      <dt>{t('orga.campaigns.fields.landingText')}</dt>
      <dd className="campaign-text" data-testid="detail-landing-text">
        {campaign.customLandingPageText ?? none}
      </dd>
      <dt>{t('orga.campaigns.fields.resultText')}</dt>
      <dd className="campaign-text">{campaign.customResultPageText ?? none}</dd>
      <dt>{t('orga.campaigns.fields.resultButtonText')}</dt>
      <dd>
        {campaign.customResultPageButtonText && campaign.customResultPageButtonUrl
          ? `${campaign.customResultPageButtonText} — ${campaign.customResultPageButtonUrl}`
          : none}
      </dd>
      <dt>{t('orga.campaigns.fields.multipleSendingsShort')}</dt>
      <dd>{campaign.multipleSendings ? t('orga.campaigns.fields.yes') : t('orga.campaigns.fields.no')}</dd>
    </dl>
  );
}

function EditCampaignForm({ campaign, onDone, onCancel }: { campaign: Campaign; onDone: (next: Campaign) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const members = useMembers(campaign.organizationId);
  const features = useOrganization().data?.features ?? [];
  const [values, setValues] = useState<CampaignValues>(() => valuesOf(campaign));
  const save = useMutation({
    mutationFn: () => api.patch<Campaign>(`/api/campaigns/${campaign.id}`, editableBody(values)),
    onSuccess: onDone,
  });
  const errors = useApiErrors(save.error, CAMPAIGN_FIELDS);
  return (
    <Form onSubmit={() => save.mutate()} error={save.error} testId="edit-campaign-form">
      <ErrorSummary messages={errors.general} />
      <TextField label={t('orga.campaigns.fields.name')} name="name" value={values.name} onChange={(name) => setValues({ ...values, name })} error={errors.fields.name} />
      <CampaignFields
        values={values}
        onChange={setValues}
        errors={errors.fields}
        members={members.data ?? []}
        multipleSendingsOffered={campaign.type === 'PROFILES_COLLECTION' || features.includes('MULTIPLE_SENDING_ASSESSMENT')}
        joinRulesLocked={campaign.participantCount > 0}
        withResultPage
      />
      <div className="actions">
        <Button type="submit" busy={save.isPending} data-testid="save-campaign">
          {t('orga.campaigns.settings.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </Form>
  );
}
