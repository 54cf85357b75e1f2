import type { LearnerTutorial } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { TutorialCard } from './TutorialCard';
import { useMyTutorials } from './tutorialQueries';

/** `/mes-tutos`: tutorials the learner kept, and those recommended after their failed answers. */
export function MyTutorialsPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <MyTutorials />}</RequireSignedIn>;
}

function MyTutorials() {
  const { t } = useTranslation();
  const tutorials = useMyTutorials();
  return (
    <Page title={t('learner.tutorials.title')} testId="my-tutorials-page">
      <ErrorSummary error={tutorials.error} />
      {tutorials.data === undefined ? (
        tutorials.error ? null : <Loading />
      ) : (
        <>
          <TutorialSection id="tutorials-saved" title={t('learner.tutorials.savedTitle')} empty={t('learner.tutorials.savedEmpty')} tutorials={tutorials.data.saved} />
          <TutorialSection id="tutorials-recommended" title={t('learner.tutorials.recommendedTitle')} empty={t('learner.tutorials.recommendedEmpty')} tutorials={tutorials.data.recommended} />
        </>
      )}
    </Page>
  );
}

function TutorialSection({ id, title, empty, tutorials }: { id: string; title: string; empty: string; tutorials: LearnerTutorial[] }) {
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {tutorials.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="tutorial-list">
          {tutorials.map((tutorial) => (
            // The key includes the saved state: a card re-reads it after the list is refreshed.
            <TutorialCard key={`${tutorial.id}-${String(tutorial.isSaved)}`} tutorial={tutorial} />
          ))}
        </ul>
      )}
    </section>
  );
}
