import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleCandidate, Sitting } from '@jalon/contracts';
import { formatDateTime } from '../../shared/format/formatDate';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useAuthorize, useConsole, useEndTest, useResolveReport } from '../certifQueries';
import { useCertif } from '../shell/certifContext';
import { FinalizeDialog } from './FinalizeDialog';
import { candidateName } from './sittingFormat';

function timeOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(iso));
}

/**
 * The invigilator console: who is where, read again every 5 seconds while the sitting is
 * open; « Autoriser », « Terminer le test », answers to reported problems, and finalisation.
 */
export function ConsolePanel({ sitting }: { sitting: Sitting }) {
  const { t, i18n } = useTranslation();
  const { centre } = useCertif();
  const organizationId = centre.organization.id;
  const open = sitting.status === 'created';
  const view = useConsole(organizationId, sitting.id, open);
  const authorize = useAuthorize(organizationId, sitting.id);
  const ending = useConfirmedAction(useEndTest(organizationId, sitting.id), { variables: (candidate: ConsoleCandidate) => candidate.id });
  const resolve = useResolveReport(organizationId, sitting.id);
  const [finalizing, setFinalizing] = useState(false);
  // The row's button is gone once the action succeeds: focus comes back here, not to the page's top.
  const panel = useRef<HTMLElement>(null);
  const candidates = view.data?.candidates ?? [];
  const openReports = candidates.reduce((sum, c) => sum + c.openReports.length, 0);
  const title = t('certif.console.title');

  function progress(candidate: ConsoleCandidate): string {
    if (candidate.questionNumber !== null) return t('certif.console.question', { number: candidate.questionNumber });
    if (candidate.state === 'FINISHED') {
      const answers = t('certif.console.answers', { count: candidate.answerCount });
      return candidate.endReason ? `${answers} · ${t(`certif.console.endReasons.${candidate.endReason}`)}` : answers;
    }
    return '–';
  }

  return (
    <section aria-labelledby="console-title" data-testid="console-panel" ref={panel} tabIndex={-1}>
      <h2 id="console-title">{title}</h2>
      {open ? (
        <p className="certif-hint">
          {t('certif.console.refresh')}{' '}
          {view.dataUpdatedAt > 0 ? t('certif.console.updatedAt', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(view.dataUpdatedAt) }) : null}
        </p>
      ) : null}
      {openReports > 0 ? (
        <div className="alert alert--warning" role="alert" data-testid="console-alert">
          <p>{t('certif.console.alert', { count: openReports })}</p>
        </div>
      ) : null}
      <ErrorSummary error={authorize.error ?? resolve.error} />
      {view.isPending ? <Loading /> : null}
      <ErrorSummary error={view.error} />
      {view.data && candidates.length === 0 ? <p>{t('certif.console.none')}</p> : null}
      {candidates.length > 0 ? (
        <TableScroll label={title}>
          <table className="table" data-testid="console-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('certif.console.candidate')}</th>
                <th scope="col">{t('certif.console.state')}</th>
                <th scope="col">{t('certif.console.progress')}</th>
                <th scope="col">{t('certif.console.reports')}</th>
                {open ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {candidates.map((candidate) => {
                const name = candidateName(candidate);
                const running = candidate.state === 'IN_PROGRESS' || candidate.state === 'PAUSED';
                return (
                  <tr key={candidate.id} data-testid="console-row" data-state={candidate.state}>
                    <th scope="row">
                      {name}
                      {candidate.extraTimePercentage > 0 ? <span className="certif-tag">{t('certif.console.extraTime', { value: candidate.extraTimePercentage })}</span> : null}
                      {candidate.accessibilityAdjustmentNeeded ? <span className="certif-tag">{t('certif.console.accessibility')}</span> : null}
                    </th>
                    <td>
                      <span className={`certif-state certif-state--${candidate.state}`} data-testid="console-state">
                        {t(`certif.console.states.${candidate.state}`)}
                      </span>
                    </td>
                    <td data-testid="console-progress">{progress(candidate)}</td>
                    <td>
                      {candidate.openReports.map((report) => (
                        <div key={report.id} className="certif-report" data-testid="console-report">
                          <p>
                            <strong>{t('certif.console.report', { time: timeOf(report.createdAt, i18n.language) })}</strong>
                            {report.description ? ` — ${report.description}` : null}
                          </p>
                          {open ? (
                            <div className="certif-actions">
                              <Button
                                variant="secondary"
                                busy={resolve.isPending}
                                onClick={() => resolve.mutate({ reportId: report.id, resolution: 'RESUME' })}
                                data-testid="report-resume"
                              >
                                {t('certif.console.resume')}
                              </Button>
                              <Button
                                variant="secondary"
                                busy={resolve.isPending}
                                onClick={() => resolve.mutate({ reportId: report.id, resolution: 'REPLACEMENT' })}
                                data-testid="report-replace"
                              >
                                {t('certif.console.replace')}
                              </Button>
                            </div>
                          ) : null}
                        </div>
                      ))}
                    </td>
                    {open ? (
                      <td>
                        {candidate.state === 'WAITING_AUTHORIZATION' ? (
                          <Button
                            busy={authorize.isPending && authorize.variables === candidate.id}
                            onClick={() => authorize.mutate(candidate.id)}
                            aria-label={t('certif.console.authorizeOne', { name })}
                            data-testid="authorize-candidate"
                          >
                            {t('certif.console.authorize')}
                          </Button>
                        ) : null}
                        {running ? (
                          <Button variant="danger" onClick={() => ending.ask(candidate)} aria-label={t('certif.console.endOne', { name })} data-testid="end-test">
                            {t('certif.console.end')}
                          </Button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {open && view.data ? (
        <div className="certif-finalize">
          {!view.data.canFinalize ? <Notice testId="finalize-blocked">{t('certif.console.finalizeBlocked')}</Notice> : null}
          <Button variant="primary" disabled={!view.data.canFinalize} onClick={() => setFinalizing(true)} data-testid="finalize-sitting">
            {t('certif.console.finalize')}
          </Button>
        </div>
      ) : null}
      {sitting.finalizationComment ? (
        <p data-testid="finalization-comment">
          <strong>{t('certif.console.finalizeComment')} :</strong> {sitting.finalizationComment}
        </p>
      ) : null}
      {sitting.finalizedAt ? <p className="certif-hint">{formatDateTime(sitting.finalizedAt, i18n.language)}</p> : null}
      {ending.target ? (
        <ConfirmDialog {...ending.dialog} title={t('certif.console.endTitle', { name: candidateName(ending.target) })} confirmLabel={t('certif.console.end')} returnFocusTo={panel}>
          <p>{t('certif.console.endText')}</p>
        </ConfirmDialog>
      ) : null}
      {finalizing ? <FinalizeDialog sitting={sitting} onClose={() => setFinalizing(false)} /> : null}
    </section>
  );
}
