import type { JuryCourse, JurySittingDetail } from '@jalon/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../shared/format/formatDate';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useJuryDecision, useJurySitting, useNeutralization, usePublishSitting } from './juryQueries';
import './jury.css';

/** `/admin/certification/:sittingId`: the jury reviews each test of a finalised sitting, then publishes it. */
export function JurySittingPage() {
  const { sittingId = '' } = useParams();
  const { t } = useTranslation();
  const detail = useJurySitting(sittingId);
  const title = detail.data ? t('certificationResults.admin.sittingTitle', { number: detail.data.sitting.number }) : t('certificationResults.admin.title');
  return (
    <Page title={title} testId="jury-sitting-page">
      <p>
        <Link to="/admin/certification">{t('certificationResults.admin.back')}</Link>
      </p>
      {detail.isPending ? <Loading /> : null}
      <ErrorSummary error={detail.error} />
      {detail.data ? <SittingReview detail={detail.data} /> : null}
    </Page>
  );
}

function SittingReview({ detail }: { detail: JurySittingDetail }) {
  const { t, i18n } = useTranslation();
  const { sitting, courses } = detail;
  const [reviewed, setReviewed] = useState<string | null>(null);
  const publication = useConfirmedAction(usePublishSitting(sitting.id), { variables: () => undefined });
  const published = sitting.status === 'published';
  const course = courses.find((c) => c.courseId === reviewed);
  const caption = t('certificationResults.admin.candidates');

  return (
    <>
      <p>
        {t('certificationResults.admin.sittingMeta', {
          centre: sitting.centreName,
          date: formatDate(sitting.date, i18n.language, 'UTC'),
          time: sitting.time,
          room: sitting.room,
        })}
      </p>
      {sitting.finalizationComment ? (
        <div className="jury-comment">
          <h2>{t('certificationResults.admin.finalizationComment')}</h2>
          <p>{sitting.finalizationComment}</p>
        </div>
      ) : null}
      {published && sitting.publishedAt ? (
        <Notice tone="success" testId="jury-published">
          {t('certificationResults.admin.publishedOn', { date: formatDateTime(sitting.publishedAt, i18n.language) })}
        </Notice>
      ) : (
        <Button onClick={() => publication.ask()} data-testid="jury-publish">
          {t('certificationResults.admin.publish')}
        </Button>
      )}
      {publication.open ? (
        <ConfirmDialog
          {...publication.dialog}
          title={t('certificationResults.admin.publishTitle', { number: sitting.number })}
          confirmLabel={t('certificationResults.admin.publish')}
          destructive={false}
        >
          <p>{t('certificationResults.admin.publishText')}</p>
        </ConfirmDialog>
      ) : null}

      <TableScroll label={caption}>
        <table className="table" data-testid="jury-courses">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('certificationResults.admin.candidate')}</th>
              <th scope="col">{t('certificationResults.admin.status')}</th>
              <th scope="col">{t('certificationResults.admin.score')}</th>
              <th scope="col">{t('certificationResults.admin.answers')}</th>
              <th scope="col">{t('certificationResults.admin.endReason')}</th>
              <th scope="col">{t('certificationResults.admin.reports')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => {
              const name = `${c.firstName} ${c.lastName}`;
              return (
                <tr key={c.courseId} data-testid="jury-course-row">
                  <th scope="row">{name}</th>
                  <td>{t(`certificationResults.status.${c.status}`)}</td>
                  <td>{c.pixScore ?? '–'}</td>
                  <td>{c.answerCount}</td>
                  <td>{t(`certificationResults.admin.endReasons.${(c.endReason ?? 'none') as 'none'}`)}</td>
                  <td>{c.issueReportCount}</td>
                  <td>
                    <Button variant="secondary" onClick={() => setReviewed(c.courseId)} aria-expanded={reviewed === c.courseId} data-testid="jury-review">
                      {t('certificationResults.admin.review', { name })}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
      {course ? <CourseReview key={course.courseId} course={course} published={published} onClose={() => setReviewed(null)} /> : null}
    </>
  );
}

/** The questions of a complete certification test. */
const CERTIFICATION_LENGTH = 32;
/** Fewer answers than this and the test has no score (`certification.md` §4). */
const MINIMUM_ANSWERS = 20;

/** Cancelled by the jury, not by scoring a short test interrupted by an accepted incident. */
function voidedByJury(course: JuryCourse): boolean {
  return course.status === 'cancelled' && !(course.incidentAccepted && course.answerCount < MINIMUM_ANSWERS);
}

function CourseReview({ course, published, onClose }: { course: JuryCourse; published: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const name = `${course.firstName} ${course.lastName}`;
  const headingId = useId();
  const neutralization = useNeutralization(course.courseId);
  const decision = useJuryDecision(course.courseId);
  const cancellation = useConfirmedAction(decision, { variables: () => ({ cancelled: true }) });
  const [publicComment, setPublicComment] = useState(course.publicComment ?? '');
  const [internalComment, setInternalComment] = useState(course.internalComment ?? '');
  const [saved, setSaved] = useState(false);
  const saveComments = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    decision.mutate({ publicComment, internalComment }, { onSuccess: () => setSaved(true) });
  };

  return (
    <section className="jury-course" aria-labelledby={headingId} data-testid="jury-course-review">
      <div className="jury-course__header">
        <h2 id={headingId}>{t('certificationResults.admin.courseTitle', { name })}</h2>
        <Button variant="link" onClick={onClose}>
          {t('certificationResults.admin.close')}
        </Button>
      </div>
      <p>
        {t(`certificationResults.status.${course.status}`)}
        {course.pixScore !== null ? ` — ${t('certificationResults.pix', { count: course.pixScore })}` : ''}
      </p>
      {course.automaticComment ? <p>{t('certificationResults.admin.automaticComment', { comment: course.automaticComment })}</p> : null}
      <ErrorSummary error={neutralization.error ?? decision.error} />

      {!published && course.answerCount < CERTIFICATION_LENGTH && course.endReason !== 'COMPLETED' ? (
        <CheckboxField
          name="incidentAccepted"
          label={t('certificationResults.admin.incidentAccepted')}
          hint={t('certificationResults.admin.incidentAcceptedHint')}
          checked={course.incidentAccepted}
          onChange={(incidentAccepted) => decision.mutate({ incidentAccepted })}
        />
      ) : null}
      {!published ? (
        voidedByJury(course) ? (
          <Button variant="secondary" busy={decision.isPending} onClick={() => decision.mutate({ cancelled: false })} data-testid="jury-uncancel">
            {t('certificationResults.admin.uncancel')}
          </Button>
        ) : (
          <Button variant="danger" onClick={() => cancellation.ask()} data-testid="jury-cancel">
            {t('certificationResults.admin.cancel')}
          </Button>
        )
      ) : null}
      {cancellation.open ? (
        <ConfirmDialog {...cancellation.dialog} title={t('certificationResults.admin.cancelTitle', { name })} confirmLabel={t('certificationResults.admin.cancel')}>
          <p>{t('certificationResults.admin.cancelText')}</p>
        </ConfirmDialog>
      ) : null}

      <form className="jury-comments" onSubmit={saveComments}>
        <CommentField label={t('certificationResults.admin.publicComment')} value={publicComment} onChange={setPublicComment} disabled={published} testId="jury-public-comment" />
        <CommentField label={t('certificationResults.admin.internalComment')} value={internalComment} onChange={setInternalComment} disabled={published} testId="jury-internal-comment" />
        {!published ? (
          <Button type="submit" variant="secondary" busy={decision.isPending} data-testid="jury-save-comments">
            {t('certificationResults.admin.saveComments')}
          </Button>
        ) : null}
        <span role="status">{saved ? ` ${t('certificationResults.admin.saved')}` : ''}</span>
      </form>

      <TableScroll label={t('certificationResults.admin.answerList')}>
        <table className="table" data-testid="jury-answers">
          <caption>{t('certificationResults.admin.answerList')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('certificationResults.admin.position')}</th>
              <th scope="col">{t('certificationResults.admin.challenge')}</th>
              <th scope="col">{t('certificationResults.admin.competence')}</th>
              <th scope="col">{t('certificationResults.admin.result')}</th>
              <th scope="col">{t('certificationResults.admin.neutralized')}</th>
            </tr>
          </thead>
          <tbody>
            {course.answers.map((answer) => (
              <tr key={answer.id} className={answer.neutralized ? 'jury-answer--neutralized' : undefined} data-testid="jury-answer">
                <th scope="row">{answer.position}</th>
                <td>
                  <Link to={`/admin/epreuves/${encodeURIComponent(answer.challengeId)}`}>{answer.challengeId}</Link>
                </td>
                <td>{answer.competenceIndex ?? '–'}</td>
                <td>{answer.result}</td>
                <td>
                  {published ? (
                    answer.neutralized ? (
                      t('certificationResults.admin.neutralized')
                    ) : (
                      '–'
                    )
                  ) : (
                    <Button
                      variant="link"
                      busy={neutralization.isPending && neutralization.variables?.answerId === answer.id}
                      onClick={() => neutralization.mutate({ answerId: answer.id, neutralized: !answer.neutralized })}
                      aria-label={`${answer.neutralized ? t('certificationResults.admin.restore') : t('certificationResults.admin.neutralize')} ${answer.position}`}
                      data-testid="jury-neutralize"
                    >
                      {answer.neutralized ? t('certificationResults.admin.restore') : t('certificationResults.admin.neutralize')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function CommentField({ label, value, onChange, disabled, testId }: { label: string; value: string; onChange: (value: string) => void; disabled: boolean; testId: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea id={id} className="field__input" rows={3} maxLength={2000} value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} data-testid={testId} />
    </div>
  );
}
