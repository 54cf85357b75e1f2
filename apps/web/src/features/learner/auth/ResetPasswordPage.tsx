import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../../api/client';
import { PasswordPolicy } from '../../shared/auth/PasswordPolicy';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { Form } from '../../shared/ui/Form';

const FIELDS = ['newPassword'] as const;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [newPassword, setNewPassword] = useState('');
  const check = useQuery({
    queryKey: ['password-reset', token],
    queryFn: () => api.get<{ valid: boolean }>(`/api/auth/password-resets/${encodeURIComponent(token)}`),
    enabled: token !== '',
    retry: false,
  });
  const reset = useMutation({ mutationFn: () => api.post('/api/auth/password-resets', { token, newPassword }) });
  const errors = useApiErrors(reset.error, FIELDS);

  function submit() {
    reset.mutate();
  }

  let content;
  if (token === '') {
    content = <ErrorSummary messages={[t('errors.PASSWORD_RESET_TOKEN_INVALID')]} />;
  } else if (check.isPending) {
    content = <Loading />;
  } else if (check.isError) {
    content = <ErrorSummary error={check.error} />;
  } else if (reset.isSuccess) {
    content = (
      <Notice tone="success" testId="password-reset-done">
        {t('auth.reset.done')}
      </Notice>
    );
  } else {
    content = (
      <Form onSubmit={submit} error={reset.error}>
        <ErrorSummary messages={errors.general} />
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
        <Button type="submit" busy={reset.isPending}>
          {t('auth.reset.submit')}
        </Button>
      </Form>
    );
  }

  return (
    <Page title={t('auth.reset.title')} testId="reset-password-page">
      {content}
      <p>
        <Link to="/connexion">{t('auth.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
