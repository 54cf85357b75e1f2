import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import type { Me } from '../../../api/types';
import { useApiErrors } from '../errors/useApiErrors';
import { Button } from '../ui/Button';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextField } from '../ui/TextField';
import { useSetMe } from '../session/useMe';
import { Form } from '../ui/Form';

const FIELDS = ['login', 'password'] as const;

interface SignInFormProps {
  onSignedIn: (me: Me) => void;
  /** Shown under the form: e.g. a sign-up link that comes back to the same page. */
  signUpPath?: string;
}

/** One sign-in form for every space: e-mail or username, and password. */
export function SignInForm({ onSignedIn, signUpPath }: SignInFormProps) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => api.post<Me>('/api/auth/sign-in', { login: login.trim(), password }),
    onSuccess: (me) => {
      setMe(me);
      onSignedIn(me);
    },
  });
  const errors = useApiErrors(signIn.error, FIELDS);

  function submit() {
    signIn.mutate();
  }

  return (
    <Form onSubmit={submit} error={signIn.error} testId="sign-in-form">
      <ErrorSummary messages={errors.general} />
      <TextField
        label={t('auth.login')}
        name="login"
        autoComplete="username"
        value={login}
        onChange={setLogin}
        error={errors.fields.login}
      />
      <TextField
        label={t('auth.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        error={errors.fields.password}
      />
      <p>
        <Link to="/mot-de-passe-oublie">{t('auth.forgotPassword')}</Link>
      </p>
      <Button type="submit" busy={signIn.isPending} data-testid="sign-in-submit">
        {t('auth.signIn')}
      </Button>
      {signUpPath ? (
        <p>
          {t('auth.noAccount')} <Link to={signUpPath}>{t('auth.signUpLink')}</Link>
        </p>
      ) : null}
    </Form>
  );
}
