import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { Dialog } from '../../shared/ui/Dialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { TextField } from '../../shared/ui/TextField';
import { useEnrolByHand } from '../certifQueries';
import { useCertif } from '../shell/certifContext';

const FIELDS = ['firstName', 'lastName', 'birthdate', 'birthCity', 'birthCountry', 'externalId', 'extraTimePercentage'] as const;

/** « Inscrire un candidat »: identity as on the candidate's ID, and the accommodations. */
export function EnrolByHandDialog({ sittingId, onClose }: { sittingId: string; onClose: (enrolled?: number) => void }) {
  const { t } = useTranslation();
  const { centre } = useCertif();
  const enrol = useEnrolByHand(centre.organization.id, sittingId);
  const [values, setValues] = useState({ firstName: '', lastName: '', birthdate: '', birthCity: '', birthCountry: '', externalId: '', extraTime: '0' });
  const [accessibility, setAccessibility] = useState(false);
  const errors = useApiErrors(enrol.error, FIELDS);
  const set = (field: keyof typeof values) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  function submit() {
    const { extraTime, ...rest } = values;
    // A non-number reaches the API as is, which names the field in its refusal.
    const extraTimePercentage = /^\d+$/.test(extraTime.trim()) ? Number(extraTime.trim()) : extraTime;
    enrol.mutate({ ...rest, extraTimePercentage: extraTimePercentage as number, accessibilityAdjustmentNeeded: accessibility }, { onSuccess: () => onClose(1) });
  }

  return (
    <Dialog title={t('certif.byHand.title')} onClose={() => onClose()} testId="enrol-by-hand-dialog">
      <Form onSubmit={submit} error={enrol.error} testId="enrol-by-hand-form">
        <ErrorSummary messages={errors.general} />
        <div className="certif-row">
          <TextField label={t('certif.byHand.lastName')} name="lastName" value={values.lastName} onChange={set('lastName')} error={errors.fields.lastName} required />
          <TextField label={t('certif.byHand.firstName')} name="firstName" value={values.firstName} onChange={set('firstName')} error={errors.fields.firstName} required />
        </div>
        <TextField label={t('certif.byHand.birthdate')} name="birthdate" type="date" value={values.birthdate} onChange={set('birthdate')} error={errors.fields.birthdate} required />
        <div className="certif-row">
          <TextField label={t('certif.byHand.birthCity')} name="birthCity" value={values.birthCity} onChange={set('birthCity')} error={errors.fields.birthCity} />
          <TextField label={t('certif.byHand.birthCountry')} name="birthCountry" value={values.birthCountry} onChange={set('birthCountry')} error={errors.fields.birthCountry} />
        </div>
        <TextField label={t('certif.byHand.externalId')} name="externalId" value={values.externalId} onChange={set('externalId')} error={errors.fields.externalId} />
        <TextField
          label={t('certif.byHand.extraTime')}
          name="extraTimePercentage"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          step={1}
          value={values.extraTime}
          onChange={set('extraTime')}
          hint={t('certif.byHand.extraTimeHint')}
          error={errors.fields.extraTimePercentage}
        />
        <CheckboxField label={t('certif.byHand.accessibility')} name="accessibilityAdjustmentNeeded" checked={accessibility} onChange={setAccessibility} />
        <div className="dialog__actions">
          <Button variant="secondary" onClick={() => onClose()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={enrol.isPending} data-testid="enrol-by-hand-submit">
            {t('certif.byHand.submit')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
