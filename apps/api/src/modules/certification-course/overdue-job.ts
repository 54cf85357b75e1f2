import type { Release } from '@jalon/content';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { Jobs } from '../../platform/jobs';
import { endOverdueCourses } from './invigilation';

export const OVERDUE_COURSES_QUEUE = 'certification-overdue-courses';

/**
 * Every minute, one process ends the tests whose time ran out without a word from their
 * candidate (`endOverdueCourses`): the console only shows them finished, and their result
 * should not wait for the finalisation. A minute late is harmless: the course ends at the
 * time the sweep saw, and no answer is accepted after the deadline anyway.
 */
export function scheduleOverdueCourses(jobs: Jobs, deps: { db: Db; clock: Clock; release: Release }, log: FastifyBaseLogger): void {
  jobs.every(OVERDUE_COURSES_QUEUE, '* * * * *', async () => {
    const ended = await endOverdueCourses(deps.db, deps.clock.now(), deps.release);
    if (ended > 0) log.info({ ended }, 'overdue certification tests ended');
  });
}
