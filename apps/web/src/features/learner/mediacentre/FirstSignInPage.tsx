import { useState } from 'react';
import { normalizeCampaignCode } from '@jalon/contracts/constants';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { BirthdateField, toIsoDate, type BirthdateParts } from '../campaigns/BirthdateField';
import { useLinkPendingIdentity, usePendingIdentity } from './mediacentreQueries';
import { LOCKED_FIELD_STYLE } from './useLockedEntNames';

const FIELDS = ['campaignCode', 'birthdate'] as const;

/**
 * `/premiere-connexion`: a pupil arriving from the Médiacentre for the first time. The names
 * come from the ENT and are shown locked; the pupil gives the campaign code (prefilled when
 * the ENT link carried it) and their birthdate, and lands on the campaign once linked.
 */
export function FirstSignInPage() {
  const { t } = useTranslation();
  const pending = usePendingIdentity();
  if (pending.isPending) return <Loading />;
  if (pending.error) {
    const expired = pending.error instanceof ApiError && pending.error.hasCode('SSO_PENDING_IDENTITY_NOT_FOUND');
    return (
      <Page title={t(expired ? 'learner.mediacentre.expiredTitle' : 'status.error.title')} testId="first-sign-in-expired">
        {expired ? <p>{t('learner.mediacentre.expired')}</p> : <ErrorSummary error={pending.error} />}
        <p>
          <Link to="/connexion">{t('learner.mediacentre.backToSignIn')}</Link>
        </p>
      </Page>
    );
  }
  return <FirstSignInForm identity={pending.data} />;
}

function FirstSignInForm({ identity }: { identity: { firstName: string; lastName: string; providerLabel: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [birthdate, setBirthdate] = useState<BirthdateParts>({ day: '', month: '', year: '' });
  const link = useLinkPendingIdentity();
  const errors = useApiErrors(link.error, FIELDS);

  function submit() {
    link.mutate(
      { campaignCode: normalizeCampaignCode(code), birthdate: toIsoDate(birthdate) },
      {
        onSuccess: ({ redirectTo }) => {
          // Signed in now: everything read signed out (the account, a campaign's landing) is stale.
          client.clear();
          void navigate(redirectTo, { replace: true });
        },
      },
    );
  }

  return (
    <Page title={t('learner.mediacentre.title')} testId="first-sign-in-page">
      <p>{t('learner.mediacentre.intro')}</p>
      <Form onSubmit={submit} error={link.error} testId="first-sign-in-form">
        <ErrorSummary messages={errors.general} />
        <fieldset className="card">
          <legend>{t('learner.mediacentre.namesLegend', { provider: identity.providerLabel })}</legend>
          <p className="field__hint">{t('learner.mediacentre.namesHint')}</p>
          <TextField label={t('auth.firstName')} name="firstName" value={identity.firstName} onChange={() => undefined} readOnly style={LOCKED_FIELD_STYLE} />
          <TextField label={t('auth.lastName')} name="lastName" value={identity.lastName} onChange={() => undefined} readOnly style={LOCKED_FIELD_STYLE} />
        </fieldset>
        <TextField
          label={t('learner.mediacentre.codeLabel')}
          name="campaignCode"
          value={code}
          onChange={setCode}
          hint={t('learner.mediacentre.codeHint')}
          error={errors.fields.campaignCode}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
        />
        <BirthdateField value={birthdate} onChange={setBirthdate} error={errors.fields.birthdate} />
        <Button type="submit" busy={link.isPending} data-testid="first-sign-in-submit">
          {t('learner.mediacentre.submit')}
        </Button>
      </Form>
    </Page>
  );
}
