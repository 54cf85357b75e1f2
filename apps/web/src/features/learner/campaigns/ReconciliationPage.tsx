import { useState } from 'react';
import type { CampaignLanding, ReconciliationBody, ReconciliationResponse } from '@jalon/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { landingKey, useReconciliation } from './campaignQueries';
import { CampaignGate } from './CampaignGate';
import { BirthdateField, toIsoDate } from './BirthdateField';
import type { BirthdateParts } from './BirthdateField';
import { useJoinCampaign } from './useJoinCampaign';
import { useLockedEntNames } from '../mediacentre/useLockedEntNames';

const FIELDS = ['firstName', 'lastName', 'birthdate', 'studentNumber'] as const;

/** `/campagnes/:code/rejoindre`: a pupil links their account to the school's roster (`learners-and-accounts.md` §3). */
export function ReconciliationPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CampaignGate>{(landing) => <Reconciliation landing={landing} />}</CampaignGate>}</RequireSignedIn>;
}

function Reconciliation({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [firstName, setFirstName] = useState(landing.me?.firstName ?? '');
  const [lastName, setLastName] = useState(landing.me?.lastName ?? '');
  const [birthdate, setBirthdate] = useState<BirthdateParts>({ day: '', month: '', year: '' });
  const [studentNumber, setStudentNumber] = useState('');
  const isSup = landing.organization.type === 'SUP';
  const [preview, setPreview] = useState<ReconciliationResponse | null>(null);
  const reconcile = useReconciliation(landing.id);
  const lockedNames = useLockedEntNames(landing);
  // Once linked, the start goes on at once without reading the landing again.
  const reconciled: CampaignLanding = landing.me === null ? landing : { ...landing, me: { ...landing.me, isReconciled: true } };
  const { join, isPending, error: joinError } = useJoinCampaign(reconciled);
  const errors = useApiErrors(reconcile.error, FIELDS);

  const input = (confirm: boolean): ReconciliationBody => ({
    firstName: firstName.trim(),
    lastName: lastName.trim(),
    birthdate: toIsoDate(birthdate),
    ...(isSup && studentNumber.trim() ? { studentNumber: studentNumber.trim() } : {}),
    confirm,
  });

  function check() {
    reconcile.mutate(input(false), { onSuccess: setPreview });
  }

  function confirm() {
    reconcile.mutate(input(true), {
      onSuccess: () => {
        void client.invalidateQueries({ queryKey: landingKey(landing.code) });
        join();
      },
    });
  }

  return (
    <Page title={t('learner.reconciliation.title')} testId="reconciliation-page">
      <p>{t('learner.reconciliation.intro', { organization: landing.organization.name })}</p>
      {preview === null ? (
        <Form onSubmit={check} error={reconcile.error} testId="reconciliation-form">
          <ErrorSummary messages={errors.general} />
          <TextField label={t('auth.firstName')} name="firstName" autoComplete="given-name" value={firstName} onChange={setFirstName} error={errors.fields.firstName} {...lockedNames} />
          <TextField label={t('auth.lastName')} name="lastName" autoComplete="family-name" value={lastName} onChange={setLastName} error={errors.fields.lastName} {...lockedNames} />
          <BirthdateField value={birthdate} onChange={setBirthdate} error={errors.fields.birthdate} />
          {isSup && (
            <TextField
              label={t('learner.reconciliation.studentNumber')}
              hint={t('learner.reconciliation.studentNumberHint')}
              name="studentNumber"
              value={studentNumber}
              onChange={setStudentNumber}
              error={errors.fields.studentNumber}
            />
          )}
          <Button type="submit" busy={reconcile.isPending} data-testid="reconciliation-submit">
            {t('learner.reconciliation.submit')}
          </Button>
        </Form>
      ) : (
        <section aria-labelledby="reconciliation-confirm" className="card" data-testid="reconciliation-confirmation">
          <h2 id="reconciliation-confirm">{t('learner.reconciliation.confirmTitle')}</h2>
          <ErrorSummary error={reconcile.error ?? joinError} />
          <p>{t('learner.reconciliation.willLink', { login: preview.login, name: `${preview.learner.firstName} ${preview.learner.lastName}` })}</p>
          <div className="actions">
            <Button onClick={confirm} busy={reconcile.isPending || isPending} data-testid="reconciliation-confirm">
              {t('learner.reconciliation.confirm')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                reconcile.reset();
                setPreview(null);
              }}
            >
              {t('learner.reconciliation.edit')}
            </Button>
          </div>
        </section>
      )}
    </Page>
  );
}
