import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../ui/Page';

export function ForbiddenPage({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('status.forbidden.title')} testId="forbidden-page">
      <p>{t('status.forbidden.text')}</p>
      <p>
        <Link to={homePath}>{t('status.backHome')}</Link>
      </p>
    </Page>
  );
}
