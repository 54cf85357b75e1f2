import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, shouldAnnounce, useSecondsLeft } from './countdown';
import { useDurationText } from './useDurationText';

/**
 * The visible clock of a timed challenge, and a polite live region that speaks only at a few
 * moments. At zero the learner may still validate: the server records the answer as late.
 */
export function Countdown({ deadline, total }: { deadline: number; total: number }) {
  const { t } = useTranslation();
  const remaining = useSecondsLeft(deadline);
  const durationText = useDurationText();
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (!shouldAnnounce(remaining, total)) return;
    setAnnouncement(remaining === 0 ? t('learner.runner.timer.over') : t('learner.runner.timer.left', { duration: durationText(remaining) }));
  }, [remaining, total, t, durationText]);

  return (
    <div className={remaining === 0 ? 'countdown countdown--over' : 'countdown'} data-testid="countdown">
      <span>
        {t('learner.runner.timer.label')} <strong data-testid="countdown-clock">{formatClock(remaining)}</strong>
      </span>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="countdown-announcement">
        {announcement}
      </p>
      {remaining === 0 ? <p className="countdown__over">{t('learner.runner.timer.overHint')}</p> : null}
    </div>
  );
}
