import type { MyReminders } from '@jalon/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { campaignPaths } from '../campaigns/campaignJourney';

/**
 * « Terminez votre parcours »: tests left midway that a reminder (automatic or from the
 * teacher) was sent about. Finished but unsent ones are in {@link UnsentResultsBanner}.
 */
export function FinishReminderBanner() {
  const { t } = useTranslation();
  const reminders = useQuery({ queryKey: ['me', 'reminders'], queryFn: () => api.get<MyReminders>('/api/me/reminders') });
  const started = (reminders.data?.reminders ?? []).filter((reminder) => reminder.status === 'STARTED');
  if (started.length === 0) return null;
  return (
    <div className="alert alert--info" role="region" aria-labelledby="finish-reminder-title" data-testid="finish-reminder-banner">
      <p id="finish-reminder-title">
        <strong>{t('learner.myCampaigns.finishTitle', { count: started.length })}</strong>
      </p>
      <ul>
        {started.map((reminder) => (
          <li key={reminder.participationId}>
            <Link to={campaignPaths(reminder.campaignCode).landing}>{t('learner.myCampaigns.finishFor', { title: reminder.campaignTitle })}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
