import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../api/client';
import type { Organization } from '../../../api/types';
import { Page } from '../../shared/ui/Page';
import { OrganizationForm } from './OrganizationForm';
import type { OrganizationValues } from './OrganizationForm';
import { adminOrganizationsKey } from './organizationQueries';

export function CreateOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (values: OrganizationValues) => api.post<Organization>('/api/admin/organizations', values),
    onSuccess: async (organization) => {
      await client.invalidateQueries({ queryKey: adminOrganizationsKey });
      void navigate(`/admin/organisations/${organization.id}`, { state: { created: true } });
    },
  });
  return (
    <Page title={t('admin.organizations.create')} testId="create-organization-page">
      <p>
        <Link to="/admin/organisations">{t('admin.organizations.back')}</Link>
      </p>
      <OrganizationForm submitLabel={t('admin.organizations.createSubmit')} busy={create.isPending} error={create.error} onSubmit={(values) => create.mutate(values)} />
    </Page>
  );
}
