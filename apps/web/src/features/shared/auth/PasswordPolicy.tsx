import { useTranslation } from 'react-i18next';

/** The rule of `learners-and-accounts.md` §6, stated before the user types rather than after a refusal. */
export function PasswordPolicy() {
  const { t } = useTranslation();
  return <span>{t('auth.passwordPolicy')}</span>;
}
