import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Notice } from '../../shared/ui/Notice';
import { TextField } from '../../shared/ui/TextField';
import { Form } from '../../shared/ui/Form';

const FIELDS = ['email'] as const;

export function InviteAdminForm({ organizationId, defaultEmail }: { organizationId: string; defaultEmail: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(defaultEmail);
  const invite = useMutation({
    mutationFn: (address: string) => api.post(`/api/admin/organizations/${organizationId}/invitations`, { email: address }),
  });
  const errors = useApiErrors(invite.error, FIELDS);

  function submit() {
    invite.mutate(email.trim());
  }

  return (
    <Form onSubmit={submit} error={invite.error} testId="invite-admin-form">
      <ErrorSummary messages={errors.general} />
      {invite.isSuccess ? (
        <Notice tone="success" testId="admin-invitation-sent">
          {t('admin.inviteAdmin.sent', { email: invite.variables })}
        </Notice>
      ) : null}
      <TextField label={t('auth.email')} name="email" type="email" value={email} onChange={setEmail} error={errors.fields.email} />
      <Button type="submit" busy={invite.isPending} data-testid="invite-admin-submit">
        {t('admin.inviteAdmin.submit')}
      </Button>
    </Form>
  );
}
