/**
 * Reminders (`beyond-the-reference.md` §11): automatic reminders to learners who did not
 * send their results or left a test midway, and the teachers' « Relancer ».
 */
export { reminderRoutes } from './routes';
export { sendDueReminders } from './reminders';
export { startReminderSweep } from './sweep';
