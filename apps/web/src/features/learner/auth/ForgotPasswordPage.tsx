import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TextField } from '../../shared/ui/TextField';
import { Form } from '../../shared/ui/Form';

const FIELDS = ['email'] as const;

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const request = useMutation({ mutationFn: () => api.post('/api/auth/password-reset-requests', { email: email.trim() }) });
  const errors = useApiErrors(request.error, FIELDS);

  function submit() {
    request.mutate();
  }

  return (
    <Page title={t('auth.forgot.title')} testId="forgot-password-page">
      {request.isSuccess ? (
        <Notice tone="success" testId="reset-requested">
          {t('auth.forgot.sent')}
        </Notice>
      ) : (
        <Form onSubmit={submit} error={request.error}>
          <p>{t('auth.forgot.intro')}</p>
          <ErrorSummary messages={errors.general} />
          <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.fields.email} />
          <Button type="submit" busy={request.isPending}>
            {t('auth.forgot.submit')}
          </Button>
        </Form>
      )}
      <p>{t('auth.forgot.usernameOnly')}</p>
      <p>
        <Link to="/connexion">{t('auth.backToSignIn')}</Link>
      </p>
    </Page>
  );
}
