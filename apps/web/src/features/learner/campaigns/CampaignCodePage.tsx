import { useTranslation } from 'react-i18next';
import { Page } from '../../shared/ui/Page';
import { CampaignCodeForm } from './CampaignCodeForm';

export function CampaignCodePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('learner.code.title')} testId="campaign-code-page">
      <p>{t('learner.code.intro')}</p>
      <CampaignCodeForm />
    </Page>
  );
}
