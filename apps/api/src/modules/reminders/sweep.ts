import type { FastifyBaseLogger } from 'fastify';
import { sendDueReminders, type ReminderDeps } from './reminders';

/**
 * Runs the reminder sweep every `intervalMs` in this process. Every process may sweep:
 * a reminder is written once whichever gets there first. Returns the function that stops it.
 */
export function startReminderSweep(deps: ReminderDeps, log: FastifyBaseLogger, intervalMs: number): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    // A slow sweep is not run twice over itself.
    running ??= sendDueReminders(deps)
      .then((sent) => {
        if (sent > 0) log.info({ sent }, 'reminders sent');
      })
      .catch((error: unknown) => log.error({ err: error }, 'reminder sweep failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
