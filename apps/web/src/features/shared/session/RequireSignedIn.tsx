import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Me } from '../../../api/types';
import { ErrorSummary } from '../ui/ErrorSummary';
import { Loading } from '../ui/Loading';
import { Page } from '../ui/Page';
import { useMe } from './useMe';

interface RequireSignedInProps {
  signInPath: string;
  children: (me: Me) => ReactNode;
}

/**
 * Guards a protected page: signed-out users go to the sign-in page of their space (and come back
 * afterwards), and an account with a temporary password must change it before anything else.
 */
export function RequireSignedIn({ signInPath, children }: RequireSignedInProps) {
  const { t } = useTranslation();
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  if (isPending) return <Loading />;
  if (error) {
    return (
      <Page title={t('status.error.title')}>
        <ErrorSummary error={error} />
      </Page>
    );
  }
  if (me === null || me === undefined) {
    return <Navigate to={`${signInPath}?retour=${encodeURIComponent(here)}`} replace />;
  }
  if (me.mustChangePassword) {
    return <Navigate to={`/changer-mot-de-passe?retour=${encodeURIComponent(here)}`} replace />;
  }
  return <>{children(me)}</>;
}
