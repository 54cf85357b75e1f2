import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock, useSecondsLeft } from '../runner/countdown';

/** `h:mm:ss` over an hour (the test lasts up to 3 h 30), else the runner's `m:ss`. */
export function formatTestClock(seconds: number): string {
  if (seconds < 3600) return formatClock(seconds);
  const hours = Math.floor(seconds / 3600);
  return `${hours}:${formatClock(seconds % 3600).padStart(5, '0')}`;
}
import { useDurationText } from '../runner/useDurationText';

/** The live region speaks every 15 minutes, then at 5 and 1 minute left: more would drown the questions. */
function shouldAnnounce(remaining: number): boolean {
  return remaining > 0 && (remaining % 900 === 0 || remaining === 300 || remaining === 60);
}

/**
 * The whole test's clock. `endsAt` and `serverNow` come from the API together, so the
 * deadline is placed on this computer's clock by their difference: a school PC set to the
 * wrong time still shows the right time left. At zero, `onOver` asks the server, which ends
 * the test.
 */
export function TestTimer({ endsAt, serverNow, onOver }: { endsAt: string; serverNow: string; onOver: () => void }) {
  const { t } = useTranslation();
  const [deadline] = useState(() => Date.now() + (Date.parse(endsAt) - Date.parse(serverNow)));
  const remaining = useSecondsLeft(deadline);
  const durationText = useDurationText();
  const [announcement, setAnnouncement] = useState('');
  const over = useRef(onOver);
  useEffect(() => {
    over.current = onOver;
  }, [onOver]);

  useEffect(() => {
    if (remaining === 0) over.current();
    else if (shouldAnnounce(remaining)) setAnnouncement(t('learner.certificationTest.test.timeLeftAnnounce', { duration: durationText(remaining) }));
  }, [remaining, t, durationText]);

  return (
    <div className={remaining <= 300 ? 'certification__timer certification__timer--short' : 'certification__timer'} data-testid="certification-timer">
      {t('learner.certificationTest.test.timeLeft')} <strong data-testid="certification-timer-clock">{formatTestClock(remaining)}</strong>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
