import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { CompetenceAction } from './CompetenceAction';
import { CompetenceGrid } from './CompetenceGrid';
import { useProfile } from './profileQueries';
import { CertifiableBanner, TotalPix } from './TotalPix';

/** `/competences`: the learner's lasting profile over the 16 competences (`campaigns-and-participation.md` §7). */
export function ProfilePage() {
  return <RequireSignedIn signInPath="/connexion">{() => <ProfileView />}</RequireSignedIn>;
}

function ProfileView() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <Page title={t('learner.profile.title')} testId="profile-page">
      {profile.error ? <ErrorSummary error={profile.error} /> : null}
      {profile.data === undefined ? (
        profile.error ? null : <Loading />
      ) : (
        <>
          <TotalPix profile={profile.data} />
          <CertifiableBanner profile={profile.data} />
          <CompetenceGrid
            competences={profile.data.competences}
            renderName={(competence, name) => <Link to={`/competences/${encodeURIComponent(competence.id)}/details`}>{name}</Link>}
            action={(competence) => <CompetenceAction competence={competence} />}
          />
        </>
      )}
    </Page>
  );
}
