import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Sitting, SittingValues } from '@jalon/contracts';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { useSaveSitting, useSitting } from '../certifQueries';
import { useCertif } from '../shell/certifContext';

const FIELDS = ['address', 'room', 'date', 'time', 'invigilatorName'] as const;
const EMPTY: SittingValues = { address: '', room: '', date: '', time: '', invigilatorName: '' };

/** `/certif/sessions/nouvelle`. */
export function CreateSittingPage() {
  return <SittingForm />;
}

/** `/certif/sessions/:sittingId/modifier`: the details, until the sitting is finalised. */
export function EditSittingPage() {
  const { sittingId = '' } = useParams();
  const { centre } = useCertif();
  const sitting = useSitting(centre.organization.id, sittingId);
  if (sitting.isPending) return <Loading />;
  if (!sitting.data) return <ErrorSummary error={sitting.error} />;
  return <SittingForm sitting={sitting.data} />;
}

function SittingForm({ sitting }: { sitting?: Sitting }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { centre } = useCertif();
  const [values, setValues] = useState<SittingValues>(() =>
    sitting ? { address: sitting.address, room: sitting.room, date: sitting.date, time: sitting.time, invigilatorName: sitting.invigilatorName } : EMPTY,
  );
  const save = useSaveSitting(centre.organization.id, sitting?.id);
  const errors = useApiErrors(save.error, FIELDS);
  const set = (field: keyof SittingValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const back = sitting ? `/certif/sessions/${sitting.id}` : '/certif/sessions';
  const title = sitting ? t('certif.form.editTitle', { number: sitting.number }) : t('certif.form.createTitle');

  return (
    <Page title={title} testId="sitting-form-page">
      <p>
        <Link to={back}>{sitting ? t('certif.form.cancel') : t('certif.sitting.back')}</Link>
      </p>
      <Form
        onSubmit={() =>
          save.mutate(values, {
            onSuccess: (saved) => void navigate(`/certif/sessions/${saved.id}`, { state: sitting ? undefined : { created: true } }),
          })
        }
        error={save.error}
        testId="sitting-form"
      >
        <ErrorSummary messages={errors.general} />
        <TextField label={t('certif.form.address')} name="address" value={values.address} onChange={set('address')} error={errors.fields.address} autoComplete="street-address" required />
        <TextField label={t('certif.form.room')} name="room" value={values.room} onChange={set('room')} error={errors.fields.room} required />
        <div className="certif-row">
          <TextField label={t('certif.form.date')} name="date" type="date" value={values.date} onChange={set('date')} error={errors.fields.date} required />
          <TextField label={t('certif.form.time')} name="time" type="time" value={values.time} onChange={set('time')} error={errors.fields.time} required />
        </div>
        <TextField
          label={t('certif.form.invigilator')}
          name="invigilatorName"
          value={values.invigilatorName}
          onChange={set('invigilatorName')}
          error={errors.fields.invigilatorName}
          required
        />
        <Button type="submit" busy={save.isPending} data-testid="sitting-submit">
          {sitting ? t('certif.form.submitEdit') : t('certif.form.submitCreate')}
        </Button>
      </Form>
    </Page>
  );
}
