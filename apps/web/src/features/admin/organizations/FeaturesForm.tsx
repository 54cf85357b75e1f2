import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ORGANIZATION_FEATURES } from '../../../api/types';
import type { Organization } from '../../../api/types';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Notice } from '../../shared/ui/Notice';
import { adminOrganizationsKey } from './organizationQueries';
import { Form } from '../../shared/ui/Form';

/** Feature toggles of `campaigns-and-participation.md` §1, saved together as the full set. */
export function FeaturesForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [enabled, setEnabled] = useState<ReadonlySet<string>>(() => new Set(organization.features));
  const save = useMutation({
    mutationFn: () => api.put(`/api/admin/organizations/${organization.id}/features`, { features: ORGANIZATION_FEATURES.filter((feature) => enabled.has(feature)) }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminOrganizationsKey }),
  });

  function toggle(feature: string, on: boolean) {
    save.reset();
    setEnabled((current) => {
      const next = new Set(current);
      if (on) next.add(feature);
      else next.delete(feature);
      return next;
    });
  }

  function submit() {
    save.mutate();
  }

  return (
    <Form onSubmit={submit} error={save.error} testId="features-form">
      <fieldset>
        <legend>{t('admin.features.legend')}</legend>
        {ORGANIZATION_FEATURES.map((feature) => (
          <CheckboxField
            key={feature}
            name={feature}
            label={
              <>
                {t(`admin.features.${feature}`)} <code>{feature}</code>
              </>
            }
            checked={enabled.has(feature)}
            onChange={(on) => toggle(feature, on)}
          />
        ))}
      </fieldset>
      <ErrorSummary error={save.error} />
      {save.isSuccess ? <Notice tone="success" testId="features-saved">{t('admin.features.saved')}</Notice> : null}
      <Button type="submit" busy={save.isPending} data-testid="features-submit">
        {t('admin.features.submit')}
      </Button>
    </Form>
  );
}
