import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Campaign, CampaignType } from '@jalon/contracts';
import { api } from '../../../api/client';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { useOrga } from '../shell/orgaContext';
import { useOrganization } from '../shell/useOrganization';
import { useMembers } from '../team/teamQueries';
import { campaignListKey } from './campaignQueries';
import { CAMPAIGN_FIELDS, editableBody, emptyValues, type CampaignValues } from './campaignValues';
import { CampaignFields } from './CampaignFields';
import { ParcoursPicker } from './ParcoursPicker';
import './campaigns.css';

/** « Interro » only where an instance admin enabled it (§4.1). */
function offeredTypes(features: readonly string[]): CampaignType[] {
  return features.includes('CAMPAIGN_WITHOUT_USER_PROFILE') ? ['ASSESSMENT', 'PROFILES_COLLECTION', 'EXAM'] : ['ASSESSMENT', 'PROFILES_COLLECTION'];
}

/**
 * `/orga/campagnes/creation` (seed items 9–12). Every field goes to the API as typed; each
 * refusal comes back with its field's pointer and is shown beside it, the other inputs kept.
 */
export function CreateCampaignPage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { me, membership } = useOrga();
  const organizationId = membership.organization.id;
  const features = useOrganization().data?.features ?? [];
  const members = useMembers(organizationId);
  const [values, setValues] = useState<CampaignValues>(() => emptyValues(me.id));
  const isCollection = values.type === 'PROFILES_COLLECTION';

  const create = useMutation({
    mutationFn: () => {
      const { name, ...rest } = editableBody(values);
      return api.post<Campaign>(`/api/organizations/${organizationId}/campaigns`, {
        ...(values.type === '' ? {} : { type: values.type }),
        name,
        targetProfileId: isCollection || values.targetProfileId === '' ? null : values.targetProfileId,
        ...rest,
      });
    },
    onSuccess: async (campaign) => {
      await client.invalidateQueries({ queryKey: campaignListKey(organizationId) });
      void navigate(`/orga/campagnes/${campaign.id}`, { state: { created: true } });
    },
  });
  const errors = useApiErrors(create.error, CAMPAIGN_FIELDS);
  const multipleSendingsOffered = isCollection || features.includes('MULTIPLE_SENDING_ASSESSMENT');

  return (
    <Page title={t('orga.campaigns.create.title')} testId="create-campaign-page">
      <p>
        <Link to="/orga/campagnes">{t('orga.campaigns.back')}</Link>
      </p>
      <Form onSubmit={() => create.mutate()} error={create.error} testId="create-campaign-form">
        <ErrorSummary messages={errors.general} />
        <fieldset
          className={errors.fields.type ? 'field field--invalid radio-group' : 'field radio-group'}
          aria-describedby={errors.fields.type ? `${id}-type-error` : undefined}
        >
          <legend className="field__label">{t('orga.campaigns.fields.type')}</legend>
          {offeredTypes(features).map((type) => (
            <div key={type} className="radio-group__option">
              <input
                type="radio"
                id={`${id}-type-${type}`}
                name="type"
                value={type}
                checked={values.type === type}
                onChange={() => setValues({ ...values, type, multipleSendings: false })}
                aria-invalid={errors.fields.type ? true : undefined}
                data-testid={`campaign-type-${type}`}
              />
              <label htmlFor={`${id}-type-${type}`}>{t(`orga.campaigns.types.${type}`)}</label>
            </div>
          ))}
          {errors.fields.type ? (
            <p id={`${id}-type-error`} className="field__error">
              {errors.fields.type}
            </p>
          ) : null}
        </fieldset>
        <TextField
          label={t('orga.campaigns.fields.name')}
          name="name"
          value={values.name}
          onChange={(name) => setValues({ ...values, name })}
          hint={t('orga.campaigns.fields.nameHint')}
          error={errors.fields.name}
          autoComplete="off"
        />
        {values.type === '' || isCollection ? null : (
          <ParcoursPicker
            organizationId={organizationId}
            value={values.targetProfileId}
            onChange={(targetProfileId) => setValues({ ...values, targetProfileId })}
            error={errors.fields.targetProfileId}
          />
        )}
        {values.type === '' ? null : (
          <CampaignFields
            values={values}
            onChange={setValues}
            errors={errors.fields}
            members={members.data ?? []}
            multipleSendingsOffered={multipleSendingsOffered}
          />
        )}
        <div className="actions">
          <Button type="submit" busy={create.isPending} data-testid="create-campaign-submit">
            {t('orga.campaigns.create.submit')}
          </Button>
        </div>
      </Form>
    </Page>
  );
}
