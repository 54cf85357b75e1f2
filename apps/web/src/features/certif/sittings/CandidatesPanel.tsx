import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate, Sitting } from '@jalon/contracts';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useCandidates, useRemoveCandidate } from '../certifQueries';
import { useCertif } from '../shell/certifContext';
import { EnrolByHandDialog } from './EnrolByHandDialog';
import { EnrolFromClassDialog } from './EnrolFromClassDialog';
import { candidateName, formatSittingDate } from './sittingFormat';

/** The candidates tab: enrolment by hand or from a class, the certifiability warning, removal before the test starts. */
export function CandidatesPanel({ sitting }: { sitting: Sitting }) {
  const { t, i18n } = useTranslation();
  const { centre } = useCertif();
  const organizationId = centre.organization.id;
  const candidates = useCandidates(organizationId, sitting.id);
  const removal = useConfirmedAction(useRemoveCandidate(organizationId, sitting.id), { variables: (candidate: Candidate) => candidate.id });
  const [dialog, setDialog] = useState<'hand' | 'class' | null>(null);
  const [enrolled, setEnrolled] = useState<number | null>(null);
  // The row's button is gone once the action succeeds: focus comes back here, not to the page's top.
  const toolbar = useRef<HTMLDivElement>(null);
  const open = sitting.status === 'created';
  const hasRoster = centre.organization.type === 'SCO';
  const items = candidates.data?.items ?? [];
  const notCertifiable = items.filter((c) => c.eligibility === 'NOT_CERTIFIABLE').length;
  const title = t('certif.candidates.title');

  function closeDialog(count?: number) {
    setDialog(null);
    if (count !== undefined) setEnrolled(count);
  }

  return (
    <section aria-labelledby="candidates-title" data-testid="candidates-panel">
      <h2 id="candidates-title">{title}</h2>
      <div className="certif-toolbar" ref={toolbar} tabIndex={-1}>
        <p role="status" data-testid="candidates-count">
          {t('certif.candidates.count', { count: items.length })}
        </p>
        {open ? (
          <div className="certif-actions">
            {hasRoster ? (
              <Button variant="secondary" onClick={() => setDialog('class')} data-testid="enrol-from-class">
                {t('certif.candidates.enrolFromClass')}
              </Button>
            ) : null}
            <Button onClick={() => setDialog('hand')} data-testid="enrol-by-hand">
              {t('certif.candidates.enrolByHand')}
            </Button>
          </div>
        ) : null}
      </div>
      {enrolled !== null ? (
        <Notice tone="success" testId="candidates-enrolled">
          {t('certif.candidates.enrolled', { count: enrolled })}
        </Notice>
      ) : null}
      {notCertifiable > 0 ? (
        <div className="alert alert--warning" data-testid="not-certifiable-warning">
          <p>{t('certif.candidates.notCertifiableWarning', { count: notCertifiable })}</p>
        </div>
      ) : null}
      {candidates.isPending ? <Loading /> : null}
      <ErrorSummary error={candidates.error} />
      {candidates.data && items.length === 0 ? <p data-testid="no-candidates">{t('certif.candidates.none')}</p> : null}
      {items.length > 0 ? (
        <TableScroll label={title}>
          <table className="table" data-testid="candidates-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('certif.candidates.name')}</th>
                <th scope="col">{t('certif.candidates.birthdate')}</th>
                <th scope="col">{t('certif.candidates.birthPlace')}</th>
                {hasRoster ? <th scope="col">{t('certif.candidates.division')}</th> : null}
                <th scope="col">{t('certif.candidates.extraTime')}</th>
                <th scope="col">{t('certif.candidates.eligibility')}</th>
                {open ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {items.map((candidate) => {
                const name = candidateName(candidate);
                return (
                  <tr key={candidate.id} data-testid="candidate-row">
                    <th scope="row">
                      {name}
                      {candidate.externalId ? <span className="certif-hint"> · {candidate.externalId}</span> : null}
                    </th>
                    <td>{formatSittingDate(candidate.birthdate, i18n.language)}</td>
                    <td>{[candidate.birthCity, candidate.birthCountry].filter(Boolean).join(', ') || t('common.notProvided')}</td>
                    {hasRoster ? <td>{candidate.division ?? ''}</td> : null}
                    <td>
                      {candidate.extraTimePercentage > 0 ? t('certif.candidates.extraTimeValue', { value: candidate.extraTimePercentage }) : '–'}
                      {candidate.accessibilityAdjustmentNeeded ? <span className="certif-tag">{t('certif.candidates.accessibility')}</span> : null}
                    </td>
                    <td>
                      <span className={`certif-eligibility certif-eligibility--${candidate.eligibility}`} data-testid="candidate-eligibility">
                        {t(`certif.candidates.eligibilities.${candidate.eligibility}`)}
                      </span>
                    </td>
                    {open ? (
                      <td>
                        {candidate.hasStarted ? (
                          <span className="certif-hint">{t('certif.candidates.started')}</span>
                        ) : (
                          <Button variant="link" onClick={() => removal.ask(candidate)} aria-label={t('certif.candidates.removeOne', { name })} data-testid="remove-candidate">
                            {t('certif.candidates.remove')}
                          </Button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {dialog === 'hand' ? <EnrolByHandDialog sittingId={sitting.id} onClose={closeDialog} /> : null}
      {dialog === 'class' ? <EnrolFromClassDialog sittingId={sitting.id} onClose={closeDialog} /> : null}
      {removal.target ? (
        <ConfirmDialog
          {...removal.dialog}
          title={t('certif.candidates.removeTitle', { name: candidateName(removal.target) })}
          confirmLabel={t('certif.candidates.removeConfirm')}
          returnFocusTo={toolbar}
        >
          <p>{t('certif.candidates.removeText')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
