import { useEffect, useRef, useState } from 'react';
import type { CampaignLanding } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Button } from '../../shared/ui/Button';
import { Page } from '../../shared/ui/Page';
import { assessmentPath, campaignPaths } from './campaignJourney';
import { CampaignGate } from './CampaignGate';

const SCREENS = ['adaptive', 'checkpoints', 'focus', 'timed', 'pause'] as const;

/** `/campagnes/:code/didacticiel`: five short screens before a learner's very first test, each skippable. */
export function TutorialPage() {
  return <RequireSignedIn signInPath="/connexion">{() => <CampaignGate>{(landing) => <Tutorial landing={landing} />}</CampaignGate>}</RequireSignedIn>;
}

function Tutorial({ landing }: { landing: CampaignLanding }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [index, setIndex] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Only after a move: on arrival the page heading takes the focus.
    if (moved.current) heading.current?.focus();
  }, [index]);

  const assessmentId = landing.me?.participation?.assessmentId;
  if (assessmentId === null || assessmentId === undefined) return <Navigate to={campaignPaths(landing.code).landing} replace />;
  const screen = SCREENS[index] ?? 'adaptive';
  const last = index === SCREENS.length - 1;
  const go = (next: number) => {
    moved.current = true;
    setIndex(next);
  };
  const begin = () => void navigate(assessmentPath(assessmentId));

  return (
    <Page title={t('learner.tutorial.title')} testId="tutorial-page">
      <section aria-labelledby="tutorial-screen" className="card tutorial" data-testid={`tutorial-screen-${index + 1}`}>
        <p className="tutorial__step">{t('learner.tutorial.step', { index: index + 1, count: SCREENS.length })}</p>
        <h2 id="tutorial-screen" ref={heading} tabIndex={-1}>
          {t(`learner.tutorial.screens.${screen}.title`)}
        </h2>
        <p>{t(`learner.tutorial.screens.${screen}.text`)}</p>
      </section>
      <div className="actions">
        {index > 0 ? (
          <Button variant="secondary" onClick={() => go(index - 1)}>
            {t('learner.tutorial.previous')}
          </Button>
        ) : null}
        {last ? (
          <Button onClick={begin} data-testid="tutorial-begin">
            {t('learner.tutorial.begin')}
          </Button>
        ) : (
          <Button onClick={() => go(index + 1)} data-testid="tutorial-next">
            {t('learner.tutorial.next')}
          </Button>
        )}
        {last ? null : (
          <Button variant="link" onClick={begin} data-testid="tutorial-skip">
            {t('learner.tutorial.skip')}
          </Button>
        )}
      </div>
    </Page>
  );
}
