import { useState } from 'react';
import type { CertificationEntry } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { BirthdateField, toIsoDate, type BirthdateParts } from '../campaigns/BirthdateField';
import { CertificationEnded } from './CertificationEnded';
import { certificationTestPath } from './certificationPaths';
import { useEnterSitting, useMyEntry, useStartCourse } from './certificationQueries';
import './certification.css';

/**
 * `/certification`: the candidate's way into their sitting (`certification.md` §3), one
 * screen per step — details and rules, waiting for the invigilator, the access code —
 * then the test itself, or its end.
 */
export function CertificationPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CertificationEntryFlow />}</RequireSignedIn>;
}

function CertificationEntryFlow() {
  const { t } = useTranslation();
  const entry = useMyEntry();
  const [enteringAnother, setEnteringAnother] = useState(false);
  if (entry.error) {
    return (
      <Page title={t('learner.certificationTest.entry.title')} testId="certification-error">
        <ErrorSummary error={entry.error} />
      </Page>
    );
  }
  if (entry.data === undefined) return <Loading />;
  const current = entry.data.entry;
  if (current === null || (current.state === 'ended' && enteringAnother)) return <EntryForm />;
  if (current.state === 'waiting') return <Waiting entry={current} />;
  if (current.state === 'authorized') return <AccessCode entry={current} />;
  if (current.state === 'started' && current.courseId) return <Navigate to={certificationTestPath(current.courseId)} replace />;
  return <CertificationEnded reason={null} onEnterAnother={() => setEnteringAnother(true)} />;
}

const ENTRY_FIELDS = ['sittingNumber', 'firstName', 'lastName', 'birthdate', 'rulesAccepted'] as const;
const RULES = ['time', 'questions', 'focus', 'alone', 'problem'] as const;

function EntryForm() {
  const { t } = useTranslation();
  const [sittingNumber, setSittingNumber] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [birthdate, setBirthdate] = useState<BirthdateParts>({ day: '', month: '', year: '' });
  const [rulesAccepted, setRulesAccepted] = useState(false);
  const enter = useEnterSitting();
  const errors = useApiErrors(enter.error, ENTRY_FIELDS);

  const submit = () =>
    enter.mutate({
      sittingNumber: sittingNumber.trim(),
      firstName: firstName.trim(),
      lastName: lastName.trim(),
      birthdate: toIsoDate(birthdate),
      rulesAccepted,
    });

  return (
    <Page title={t('learner.certificationTest.entry.title')} testId="certification-entry">
      <p>{t('learner.certificationTest.entry.intro')}</p>
      <Form onSubmit={submit} error={enter.error} testId="certification-entry-form">
        <ErrorSummary messages={errors.general} />
        <TextField
          label={t('learner.certificationTest.entry.sittingNumber')}
          hint={t('learner.certificationTest.entry.sittingNumberHint')}
          name="sittingNumber"
          inputMode="numeric"
          autoComplete="off"
          value={sittingNumber}
          onChange={setSittingNumber}
          error={errors.fields.sittingNumber}
        />
        <TextField label={t('auth.firstName')} name="firstName" autoComplete="given-name" value={firstName} onChange={setFirstName} error={errors.fields.firstName} />
        <TextField label={t('auth.lastName')} name="lastName" autoComplete="family-name" value={lastName} onChange={setLastName} error={errors.fields.lastName} />
        <BirthdateField value={birthdate} onChange={setBirthdate} error={errors.fields.birthdate} />
        <section aria-labelledby="certification-rules" className="card" data-testid="certification-rules">
          <h2 id="certification-rules">{t('learner.certificationTest.entry.rulesTitle')}</h2>
          <ul>
            {RULES.map((rule) => (
              <li key={rule}>{t(`learner.certificationTest.entry.rules.${rule}`)}</li>
            ))}
          </ul>
          <CheckboxField
            label={t('learner.certificationTest.entry.rulesAccepted')}
            name="rulesAccepted"
            checked={rulesAccepted}
            onChange={setRulesAccepted}
            error={errors.fields.rulesAccepted}
          />
        </section>
        <Button type="submit" busy={enter.isPending} data-testid="certification-entry-submit">
          {t('learner.certificationTest.entry.submit')}
        </Button>
      </Form>
    </Page>
  );
}

function SittingSummary({ entry }: { entry: CertificationEntry }) {
  const { t, i18n } = useTranslation();
  const date = new Date(`${entry.sitting.date}T12:00:00Z`).toLocaleDateString(i18n.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (
    <ul className="certification__summary" data-testid="certification-sitting">
      <li>{t('learner.certificationTest.waiting.sitting', { ...entry.sitting, date })}</li>
      <li>{t('learner.certificationTest.waiting.candidate', { firstName: entry.firstName, lastName: entry.lastName })}</li>
    </ul>
  );
}

function Waiting({ entry }: { entry: CertificationEntry }) {
  const { t } = useTranslation();
  return (
    <Page title={t('learner.certificationTest.waiting.title')} testId="certification-waiting">
      <p className="alert alert--info" role="status">
        <strong>{t('learner.certificationTest.waiting.message')}</strong>
      </p>
      <SittingSummary entry={entry} />
      <p>{t('learner.certificationTest.waiting.hint')}</p>
    </Page>
  );
}

function AccessCode({ entry }: { entry: CertificationEntry }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const start = useStartCourse(entry.candidateId);
  const errors = useApiErrors(start.error, ['accessCode']);
  return (
    <Page title={t('learner.certificationTest.accessCode.title')} testId="certification-access-code">
      <p>{t('learner.certificationTest.accessCode.intro')}</p>
      <SittingSummary entry={entry} />
      <Form onSubmit={() => start.mutate(code.trim())} error={start.error} testId="certification-access-code-form">
        <ErrorSummary messages={errors.general} />
        <TextField
          label={t('learner.certificationTest.accessCode.label')}
          hint={t('learner.certificationTest.accessCode.hint')}
          name="accessCode"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={16}
          value={code}
          onChange={setCode}
          error={errors.fields.accessCode}
        />
        <Button type="submit" busy={start.isPending} data-testid="certification-access-code-submit">
          {t('learner.certificationTest.accessCode.submit')}
        </Button>
      </Form>
    </Page>
  );
}
