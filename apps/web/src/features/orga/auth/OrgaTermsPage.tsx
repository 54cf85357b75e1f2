import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import type { Me } from '../../../api/types';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { safeReturnPath } from '../../shared/session/returnPath';
import { useSetMe } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';

function OrgaTerms({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnPath(params.get('retour'), '/orga/');
  const setMe = useSetMe();
  const accept = useMutation({
    mutationFn: () => api.post<Me>('/api/me/terms', { scope: 'orga' }),
    onSuccess: (updated) => {
      setMe(updated);
      void navigate(returnTo, { replace: true });
    },
  });

  if (me.orgaTermsAcceptedAt !== null) return <Navigate to={returnTo} replace />;

  return (
    <Page title={t('orga.terms.title')} testId="orga-terms-page">
      <div className="terms" data-testid="orga-terms-text">
        <p>{t('orga.terms.intro')}</p>
        <ul>
          <li>{t('orga.terms.purpose')}</li>
          <li>{t('orga.terms.privacy')}</li>
          <li>{t('orga.terms.accounts')}</li>
          <li>{t('orga.terms.results')}</li>
        </ul>
      </div>
      <ErrorSummary error={accept.error} />
      <Button onClick={() => accept.mutate()} busy={accept.isPending} data-testid="orga-terms-accept">
        {t('orga.terms.accept')}
      </Button>
    </Page>
  );
}

export function OrgaTermsPage() {
  return <RequireSignedIn signInPath="/orga/connexion">{(me) => <OrgaTerms me={me} />}</RequireSignedIn>;
}
