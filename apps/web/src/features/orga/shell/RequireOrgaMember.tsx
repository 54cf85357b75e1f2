import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { currentMembership } from '../../shared/session/useMe';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';
import { OrgaContext } from './orgaContext';

/** Orga needs a membership, and the Orga terms of use accepted once, before any of its pages. */
export function RequireOrgaMember({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <RequireSignedIn signInPath="/orga/connexion">
      {(me) => {
        const membership = currentMembership(me);
        if (membership === undefined) {
          return (
            <Page title={t('orga.notAMember.title')} testId="not-a-member-page">
              <ErrorSummary messages={[t('errors.NOT_A_MEMBER')]} />
              <p>
                <Link to="/">{t('orga.notAMember.learnerSpace')}</Link>
              </p>
            </Page>
          );
        }
        if (me.orgaTermsAcceptedAt === null) {
          return <Navigate to={`/orga/cgu?retour=${encodeURIComponent(location.pathname + location.search)}`} replace />;
        }
        return <OrgaContext.Provider value={{ me, membership }}>{children}</OrgaContext.Provider>;
      }}
    </RequireSignedIn>
  );
}
