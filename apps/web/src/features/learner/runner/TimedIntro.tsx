import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button';
import { useDurationText } from './useDurationText';

const storageKey = (assessmentId: string, challengeId: string) => `jalon.timed.${assessmentId}.${challengeId}`;

/**
 * Whether the learner pressed « Commencer » on this timed challenge. Remembered for the tab,
 * so a reload goes back to the running countdown instead of the warning.
 */
export function useTimedStart(assessmentId: string, challengeId: string, timed: boolean): [boolean, () => void] {
  const [started, setStarted] = useState(() => !timed || readFlag(storageKey(assessmentId, challengeId)));
  const start = () => {
    writeFlag(storageKey(assessmentId, challengeId));
    setStarted(true);
  };
  return [started, start];
}

function readFlag(key: string): boolean {
  try {
    return window.sessionStorage.getItem(key) === '1';
  } catch {
    // Storage may be disabled: the warning shows again after a reload, nothing worse.
    return false;
  }
}

function writeFlag(key: string): void {
  try {
    window.sessionStorage.setItem(key, '1');
  } catch {
    // Same as above.
  }
}

/** The warning before a timed challenge: how long, and a button to start when ready. */
export function TimedIntro({ seconds, onStart }: { seconds: number; onStart: () => void }) {
  const { t } = useTranslation();
  const durationText = useDurationText();
  return (
    <section className="card timed-intro" aria-labelledby="timed-intro" data-testid="timed-intro">
      <h2 id="timed-intro">{t('learner.runner.timer.introTitle')}</h2>
      <p>{t('learner.runner.timer.intro', { duration: durationText(seconds) })}</p>
      <p>{t('learner.runner.timer.introHint')}</p>
      <Button onClick={onStart} data-testid="timed-start">
        {t('learner.runner.timer.start')}
      </Button>
    </section>
  );
}
