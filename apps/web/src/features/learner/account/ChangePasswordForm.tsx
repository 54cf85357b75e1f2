import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { PasswordPolicy } from '../../shared/auth/PasswordPolicy';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { ME_KEY } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { TextField } from '../../shared/ui/TextField';
import { Form } from '../../shared/ui/Form';

const FIELDS = ['currentPassword', 'newPassword'] as const;

interface ChangePasswordFormProps {
  /** A temporary password was given by a teacher: the user does not know a « current » one to type. */
  forced: boolean;
  onChanged: () => void;
}

export function ChangePasswordForm({ forced, onChanged }: ChangePasswordFormProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const change = useMutation({
    mutationFn: () => api.post('/api/me/password', forced ? { newPassword } : { currentPassword, newPassword }),
    onSuccess: async () => {
      setCurrentPassword('');
      setNewPassword('');
      await client.invalidateQueries({ queryKey: ME_KEY });
      onChanged();
    },
  });
  const errors = useApiErrors(change.error, FIELDS);

  function submit() {
    change.mutate();
  }

  return (
    <Form onSubmit={submit} error={change.error} testId="change-password-form">
      <ErrorSummary messages={errors.general} />
      {forced ? null : (
        <TextField
          label={t('auth.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={errors.fields.currentPassword}
        />
      )}
      <TextField
        label={t('auth.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={setNewPassword}
        hint={<PasswordPolicy />}
        error={errors.fields.newPassword}
      />
      <Button type="submit" busy={change.isPending} data-testid="change-password-submit">
        {t('account.changePassword.submit')}
      </Button>
    </Form>
  );
}
