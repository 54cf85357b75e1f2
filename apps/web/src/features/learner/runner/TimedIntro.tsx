import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button';
import { useDurationText } from './useDurationText';

/** The warning before a timed challenge: how long, and a button to start when ready. */
export function TimedIntro({ seconds, onStart, starting }: { seconds: number; onStart: () => void; starting: boolean }) {
  const { t } = useTranslation();
  const durationText = useDurationText();
  return (
    <section className="card timed-intro" aria-labelledby="timed-intro" data-testid="timed-intro">
      <h2 id="timed-intro">{t('learner.runner.timer.introTitle')}</h2>
      <p>{t('learner.runner.timer.intro', { duration: durationText(seconds) })}</p>
      <p>{t('learner.runner.timer.introHint')}</p>
      <Button onClick={onStart} busy={starting} data-testid="timed-start">
        {t('learner.runner.timer.start')}
      </Button>
    </section>
  );
}
