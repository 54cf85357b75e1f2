import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button';
import { Dialog } from '../../shared/ui/Dialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { SelectField } from '../../shared/ui/SelectField';
import { useEnrolFromRoster, useRoster } from '../certifQueries';
import { useCertif } from '../shell/certifContext';
import { candidateName, formatSittingDate } from './sittingFormat';

/** « Inscrire depuis une classe »: pick a class, tick pupils; those not certifiable yet are flagged, not refused. */
export function EnrolFromClassDialog({ sittingId, onClose }: { sittingId: string; onClose: (enrolled?: number) => void }) {
  const { t, i18n } = useTranslation();
  const { centre } = useCertif();
  const organizationId = centre.organization.id;
  const [division, setDivision] = useState('');
  const [ticked, setTicked] = useState<string[]>([]);
  const classes = useRoster(organizationId, sittingId, '');
  const pupils = useRoster(organizationId, sittingId, division);
  const enrol = useEnrolFromRoster(organizationId, sittingId);
  const divisions = classes.data?.divisions ?? [];
  const available = division ? (pupils.data?.learners ?? []).filter((learner) => !learner.alreadyEnrolled) : [];
  const allTicked = available.length > 0 && available.every((learner) => ticked.includes(learner.id));

  const toggle = (id: string, on: boolean) => setTicked((current) => (on ? [...current, id] : current.filter((other) => other !== id)));

  return (
    <Dialog title={t('certif.fromClass.title')} onClose={() => onClose()} testId="enrol-from-class-dialog">
      <ErrorSummary error={classes.error ?? pupils.error ?? enrol.error} />
      {classes.isPending ? <Loading /> : null}
      {classes.data && divisions.length === 0 ? <p>{t('certif.fromClass.noDivision')}</p> : null}
      {divisions.length > 0 ? (
        <SelectField
          label={t('certif.fromClass.division')}
          name="division"
          value={division}
          onChange={(value) => {
            setDivision(value);
            setTicked([]);
          }}
          options={[{ value: '', label: t('certif.fromClass.chooseDivision') }, ...divisions.map((value) => ({ value, label: value }))]}
          data-testid="enrol-division"
        />
      ) : null}
      {division && pupils.isPending ? <Loading /> : null}
      {division && pupils.data ? (
        <fieldset className="certif-roster" data-testid="roster">
          <legend className="field__label">{t('certif.fromClass.pupils', { division })}</legend>
          {available.length > 0 ? (
            <div className="field field--checkbox">
              <input
                id="roster-all"
                type="checkbox"
                checked={allTicked}
                onChange={(event) => setTicked(event.target.checked ? available.map((learner) => learner.id) : [])}
                data-testid="roster-select-all"
              />
              <label htmlFor="roster-all">{t('certif.fromClass.selectAll')}</label>
            </div>
          ) : null}
          <ul className="certif-roster__list">
            {pupils.data.learners.map((learner) => {
              const name = candidateName(learner);
              const id = `roster-${learner.id}`;
              return (
                <li key={learner.id} className="field field--checkbox" data-testid="roster-pupil">
                  <input
                    id={id}
                    type="checkbox"
                    disabled={learner.alreadyEnrolled}
                    checked={learner.alreadyEnrolled || ticked.includes(learner.id)}
                    onChange={(event) => toggle(learner.id, event.target.checked)}
                    aria-describedby={`${id}-info`}
                  />
                  <label htmlFor={id}>{name}</label>
                  <span id={`${id}-info`} className="certif-hint">
                    {learner.birthdate ? formatSittingDate(learner.birthdate, i18n.language) : ''}
                    {learner.alreadyEnrolled ? ` · ${t('certif.fromClass.alreadyEnrolled')}` : ''}
                    {!learner.alreadyEnrolled && learner.eligibility === 'NOT_CERTIFIABLE' ? (
                      <span className="certif-eligibility certif-eligibility--NOT_CERTIFIABLE"> {t('certif.candidates.eligibilities.NOT_CERTIFIABLE')}</span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
      <div className="dialog__actions">
        <p role="status" className="certif-hint">
          {t('certif.fromClass.selected', { count: ticked.length })}
        </p>
        <Button variant="secondary" onClick={() => onClose()}>
          {t('certif.fromClass.close')}
        </Button>
        <Button
          disabled={ticked.length === 0}
          busy={enrol.isPending}
          onClick={() => enrol.mutate(ticked, { onSuccess: (result) => onClose(result.items.length) })}
          data-testid="enrol-from-class-submit"
        >
          {t('certif.fromClass.submit')}
        </Button>
      </div>
    </Dialog>
  );
}
