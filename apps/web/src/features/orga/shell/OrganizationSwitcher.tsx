import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import type { Me } from '../../../api/types';
import { useSetMe } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { useOrga } from './orgaContext';

/** « Changer d'organisation »: a select and an explicit button, so choosing with the arrow keys does not navigate away. */
export function OrganizationSwitcher() {
  const { t } = useTranslation();
  const { me, membership } = useOrga();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [organizationId, setOrganizationId] = useState(membership.organization.id);
  const change = useMutation({
    mutationFn: () => api.put<Me>('/api/me/current-organization', { organizationId }),
    onSuccess: (updated) => {
      setMe(updated);
      void navigate('/orga/');
    },
  });

  if (me.memberships.length < 2) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (organizationId !== membership.organization.id) change.mutate();
  }

  return (
    <form onSubmit={submit} className="switcher" data-testid="organization-switcher">
      <label htmlFor="organization-switcher-select">{t('orga.switcher.label')}</label>
      <select id="organization-switcher-select" value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
        {me.memberships.map((item) => (
          <option key={item.organization.id} value={item.organization.id}>
            {item.organization.name}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" busy={change.isPending}>
        {t('orga.switcher.submit')}
      </Button>
      <ErrorSummary error={change.error} />
    </form>
  );
}
