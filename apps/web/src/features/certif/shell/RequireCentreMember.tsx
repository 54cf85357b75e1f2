import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { Page } from '../../shared/ui/Page';
import { CertifContext, centreMembership } from './certifContext';

/** Jalon Certif is for members of a certification centre (`CERTIFICATION_CENTER`). */
export function RequireCentreMember({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <RequireSignedIn signInPath="/certif/connexion">
      {(me) => {
        const centre = centreMembership(me);
        if (centre === undefined) {
          return (
            <Page title={t('certif.notACentre.title')} testId="not-a-centre-page">
              <p>{t('certif.notACentre.text')}</p>
              <p>
                <Link to="/orga/">{t('certif.notACentre.back')}</Link>
              </p>
            </Page>
          );
        }
        return <CertifContext.Provider value={{ me, centre }}>{children}</CertifContext.Provider>;
      }}
    </RequireSignedIn>
  );
}
