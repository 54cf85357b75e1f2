import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../../api/client';
import type { Organization } from '../../../api/types';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { FeaturesForm } from './FeaturesForm';
import { InviteAdminForm } from './InviteAdminForm';
import { OrganizationForm } from './OrganizationForm';
import type { OrganizationValues } from './OrganizationForm';
import { adminOrganizationsKey, useAdminOrganization } from './organizationQueries';

function EditOrganization({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const location = useLocation();
  const created = (location.state as { created?: boolean } | null)?.created === true;
  const update = useMutation({
    mutationFn: (values: OrganizationValues) => api.patch<Organization>(`/api/admin/organizations/${organization.id}`, values),
    onSuccess: () => client.invalidateQueries({ queryKey: adminOrganizationsKey }),
  });

  return (
    <Page title={t('admin.organization.editTitle', { name: organization.name })} testId="edit-organization-page">
      <p>
        <Link to="/admin/organisations">{t('admin.organizations.back')}</Link>
      </p>
      {created ? <Notice tone="success" testId="organization-created">{t('admin.organization.created')}</Notice> : null}
      <section aria-labelledby="organization-details" className="card">
        <h2 id="organization-details">{t('admin.organization.details')}</h2>
        {update.isSuccess ? <Notice tone="success" testId="organization-saved">{t('admin.organization.saved')}</Notice> : null}
        <OrganizationForm
          initial={organization}
          submitLabel={t('admin.organization.save')}
          busy={update.isPending}
          error={update.error}
          onSubmit={(values) => update.mutate(values)}
        />
      </section>
      <section aria-labelledby="organization-features" className="card">
        <h2 id="organization-features">{t('admin.features.title')}</h2>
        <FeaturesForm organization={organization} />
      </section>
      <section aria-labelledby="organization-invite-admin" className="card">
        <h2 id="organization-invite-admin">{t('admin.inviteAdmin.title')}</h2>
        <p>{t('admin.inviteAdmin.intro')}</p>
        <InviteAdminForm organizationId={organization.id} defaultEmail={organization.email ?? ''} />
      </section>
    </Page>
  );
}

export function EditOrganizationPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const organization = useAdminOrganization(organizationId);
  if (organization.data) return <EditOrganization key={organization.data.id} organization={organization.data} />;
  return (
    <Page title={t('admin.organization.title')} testId="edit-organization-page">
      {organization.isPending ? <Loading /> : <ErrorSummary error={organization.error} />}
    </Page>
  );
}
