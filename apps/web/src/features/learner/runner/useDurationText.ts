import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { splitDuration } from './countdown';

/** « 1 minute et 30 secondes », « 45 secondes »: a duration as a sentence fragment in the current language. */
export function useDurationText(): (seconds: number) => string {
  const { t } = useTranslation();
  return useCallback(
    (total: number) => {
      const { minutes, seconds } = splitDuration(total);
      const minutePart = t('learner.runner.duration.minutes', { count: minutes });
      const secondPart = t('learner.runner.duration.seconds', { count: seconds });
      if (minutes === 0) return secondPart;
      if (seconds === 0) return minutePart;
      return t('learner.runner.duration.both', { minutes: minutePart, seconds: secondPart });
    },
    [t],
  );
}
