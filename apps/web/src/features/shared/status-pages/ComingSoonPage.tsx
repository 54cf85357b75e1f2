import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../ui/Notice';
import { Page } from '../ui/Page';

/** For menu entries whose feature has not shipped: says so plainly, with no control that pretends to work. */
export function ComingSoonPage({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Page title={title} testId="coming-soon-page">
      <Notice testId="coming-soon">{t('status.comingSoon')}</Notice>
      {children}
    </Page>
  );
}
