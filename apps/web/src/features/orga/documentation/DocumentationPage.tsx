import { useTranslation } from 'react-i18next';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { useOrga } from '../shell/orgaContext';

/** The organization's own guide works today; the parcours content (seed item 14) comes with the campaigns issue. */
export function DocumentationPage() {
  const { t } = useTranslation();
  const { documentationUrl } = useOrga().membership.organization;
  return (
    <Page title={t('orga.documentation.title')} testId="documentation-page">
      <section aria-labelledby="documentation-guide">
        <h2 id="documentation-guide">{t('orga.documentation.guide')}</h2>
        {documentationUrl ? (
          <p>
            <a href={documentationUrl} data-testid="documentation-guide-link">
              {t('orga.documentation.guideLink')}
            </a>
          </p>
        ) : (
          <p>{t('orga.documentation.noGuide')}</p>
        )}
      </section>
      <section aria-labelledby="documentation-parcours">
        <h2 id="documentation-parcours">{t('orga.documentation.parcours')}</h2>
        <Notice testId="coming-soon">{t('status.comingSoon')}</Notice>
      </section>
    </Page>
  );
}
