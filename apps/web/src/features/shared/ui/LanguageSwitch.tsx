import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../../../i18n';

/** Shows the other language in that language (« English » / « Français »), marked with its lang so it is pronounced right. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const other = currentLanguage() === 'fr' ? 'en' : 'fr';
  return (
    <button type="button" className="button button--link language-switch" onClick={() => changeLanguage(other)} data-testid="language-switch">
      <span className="visually-hidden">{t('common.switchLanguage')} </span>
      <span lang={other}>{t(`common.languageName.${other}`)}</span>
    </button>
  );
}
