import { useState } from 'react';
import type { CampaignLanding } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { CampaignGate } from './CampaignGate';
import { useJoinCampaign } from './useJoinCampaign';

const FIELDS = ['participantExternalId'] as const;

/** `/campagnes/:code/identifiant`: the id the organization asked for (§5.2, check 7). */
export function ExternalIdPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CampaignGate>{(landing) => <ExternalId landing={landing} />}</CampaignGate>}</RequireSignedIn>;
}

function ExternalId({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const { join, isPending, error } = useJoinCampaign(landing);
  const errors = useApiErrors(error, FIELDS);
  const label = landing.externalIdLabel ?? t('learner.externalId.defaultLabel');
  return (
    <Page title={t('learner.externalId.title')} testId="external-id-page">
      <p>{t('learner.externalId.intro', { organization: landing.organization.name })}</p>
      <Form onSubmit={() => join({ participantExternalId: value.trim() })} error={error} testId="external-id-form">
        <ErrorSummary messages={errors.general} />
        <TextField
          label={label}
          name="participantExternalId"
          type={landing.externalIdType === 'EMAIL' ? 'email' : 'text'}
          autoComplete={landing.externalIdType === 'EMAIL' ? 'email' : 'off'}
          value={value}
          onChange={setValue}
          error={errors.fields.participantExternalId}
          data-testid="external-id-input"
        />
        <Button type="submit" busy={isPending} data-testid="external-id-submit">
          {t('learner.externalId.submit')}
        </Button>
      </Form>
    </Page>
  );
}
