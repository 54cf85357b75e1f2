import { useTranslation } from 'react-i18next';
import type { Certifiability, LoginMethod } from '@jalon/contracts';

/** How a pupil signs in, one badge per method, « Aucune » when they cannot yet. */
export function LoginMethodBadges({ methods }: { methods: LoginMethod[] }) {
  const { t } = useTranslation();
  if (methods.length === 0) {
    return (
      <span className="login-badge login-badge--none" data-testid="login-method" data-method="none">
        {t('orga.learners.loginMethods.none')}
      </span>
    );
  }
  return (
    <ul className="login-badges">
      {methods.map((method) => (
        <li key={method} className={`login-badge login-badge--${method}`} data-testid="login-method" data-method={method}>
          {t(`orga.learners.loginMethods.${method}`)}
        </li>
      ))}
    </ul>
  );
}

export function CertifiabilityPill({ value }: { value: Certifiability }) {
  const { t } = useTranslation();
  return (
    <span className={`certifiability certifiability--${value.toLowerCase()}`} data-testid="certifiability" data-value={value}>
      {t(`orga.learners.certifiabilities.${value}`)}
    </span>
  );
}

/** A birthdate (`YYYY-MM-DD`) as a calendar date: formatted at noon UTC it cannot slip to a neighbour. */
export function formatBirthdate(day: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}
