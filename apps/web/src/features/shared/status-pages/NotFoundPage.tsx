import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../ui/Page';

export function NotFoundPage({ homePath = '/' }: { homePath?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('status.notFound.title')} testId="not-found-page">
      <p>{t('status.notFound.text')}</p>
      <p>
        <Link to={homePath}>{t('status.backHome')}</Link>
      </p>
    </Page>
  );
}
