import { useTranslation } from 'react-i18next';

export const MAIN_ID = 'contenu';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href={`#${MAIN_ID}`} className="skip-link">
      {t('common.skipToContent')}
    </a>
  );
}
