import type { TFunction } from 'i18next';
import type { TargetProfileSummary } from '../../../api/types';

/** « 45 min », « 1 h », « 1 h 30 »: how a teacher plans a lesson. */
export function formatDuration(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('orga.documentation.duration.minutes', { minutes: rest });
  if (rest === 0) return t('orga.documentation.duration.hours', { hours });
  return t('orga.documentation.duration.hoursMinutes', { hours, minutes: String(rest).padStart(2, '0') });
}

/** Every parcours runs on a computer; tablets and phones only when all its tubes do. */
export function formatDevices(t: TFunction, devices: TargetProfileSummary['devices']): string {
  if (devices.tablet && devices.mobile) return t('orga.documentation.devices.all');
  if (devices.tablet) return t('orga.documentation.devices.tablet');
  if (devices.mobile) return t('orga.documentation.devices.mobile');
  return t('orga.documentation.devices.computer');
}
