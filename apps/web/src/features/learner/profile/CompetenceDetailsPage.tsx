import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Notice } from '../../shared/ui/Notice';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { NotFoundPage } from '../../shared/status-pages/NotFoundPage';
import { areaColor } from './areaColor';
import { CompetenceAction } from './CompetenceAction';
import { TutorialCard } from '../tutorials/TutorialCard';
import { useCompetenceDetails, useProfile, useResetCompetence } from './profileQueries';

/** `/competences/:competenceId/details`: one competence of the profile, its level, what it is about, tutorials and « Remettre à zéro ». */
export function CompetenceDetailsPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CompetenceDetails />}</RequireSignedIn>;
}

function CompetenceDetails() {
  const { t } = useTranslation();
  const { competenceId = '' } = useParams();
  const profile = useProfile();
  const details = useCompetenceDetails(competenceId);
  const reset = useResetCompetence(competenceId);
  const resetting = useConfirmedAction(reset, { variables: () => undefined });
  // Set by the last checkpoint of a self-evaluation: this page is then its end page (§7).
  const finished = (useLocation().state as { evaluationFinished?: boolean } | null)?.evaluationFinished === true;
  if (profile.error) {
    return (
      <Page title={t('learner.profile.title')}>
        <ErrorSummary error={profile.error} />
      </Page>
    );
  }
  if (profile.data === undefined) return <Loading />;
  const competence = profile.data.competences.find((candidate) => candidate.id === competenceId || candidate.index === competenceId);
  if (competence === undefined) return <NotFoundPage />;
  return (
    <Page title={`${competence.index} ${competence.name}`} testId="competence-details-page">
      <p className="competence-details__area">
        <span className="area__swatch" style={{ background: areaColor(competence.areaColor) }} aria-hidden="true" />
        {competence.areaCode}. {competence.areaTitle}
      </p>
      {finished ? (
        <Notice tone="success" testId="evaluation-finished">
          {competence.level > 0 ? t('learner.profile.reachedLevel', { level: competence.level }) : t('learner.profile.encouragement')}
        </Notice>
      ) : null}
      <dl className="details">
        <dt>{t('learner.profile.levelLabel')}</dt>
        <dd data-testid="competence-level">{competence.level}</dd>
        <dt>{t('learner.profile.pixLabel')}</dt>
        <dd data-testid="competence-pix">{competence.pix}</dd>
        <dt>{t('learner.profile.nextLabel')}</dt>
        <dd data-testid="competence-next">
          {competence.isMaxLevel ? t('learner.profile.maxLevel') : t('learner.profile.toNextLevel', { count: competence.pixToNextLevel, level: competence.level + 1 })}
        </dd>
      </dl>
      <div className="actions">
        <CompetenceAction competence={competence} />
      </div>
      {reset.isSuccess ? <Notice tone="success" testId="competence-reset-done">{t('learner.profile.resetDone')}</Notice> : null}
      {details.data ? (
        <>
          <h2>{t('learner.profile.description')}</h2>
          <p data-testid="competence-description">{details.data.description}</p>
          {details.data.tutorials.length > 0 ? (
            <>
              <h2>{t('learner.profile.tutorialsTitle')}</h2>
              <ul className="tutorial-list" data-testid="competence-tutorials">
                {details.data.tutorials.map((tutorial) => (
                  <TutorialCard key={tutorial.id} tutorial={tutorial} />
                ))}
              </ul>
            </>
          ) : null}
          {details.data.canReset ? (
            <p>
              <Button variant="danger" onClick={() => resetting.ask()} data-testid="competence-reset">
                {t('learner.profile.reset')}
              </Button>
            </p>
          ) : details.data.resetInSeconds !== null ? (
            <p data-testid="competence-reset-later">{t('learner.profile.resetLater', { count: Math.ceil(details.data.resetInSeconds / 86_400) })}</p>
          ) : null}
        </>
      ) : null}
      {resetting.open ? (
        <ConfirmDialog {...resetting.dialog} title={t('learner.profile.resetTitle')} confirmLabel={t('learner.profile.resetConfirm')}>
          <p>{t('learner.profile.resetWarning')}</p>
        </ConfirmDialog>
      ) : null}
      <p>
        <Link to="/competences">{t('learner.profile.back')}</Link>
      </p>
    </Page>
  );
}
