import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Me } from '../../../api/types';
import { useApiErrors } from '../errors/useApiErrors';
import { Button } from '../ui/Button';
import { CheckboxField } from '../ui/CheckboxField';
import { ErrorSummary } from '../ui/ErrorSummary';
import { TextField } from '../ui/TextField';
import { useSetMe } from '../session/useMe';
import { PasswordPolicy } from './PasswordPolicy';
import { Form } from '../ui/Form';

const FIELDS = ['firstName', 'lastName', 'email', 'password', 'acceptTerms'] as const;

interface SignUpFormProps {
  onSignedUp: (me: Me) => void;
  initialEmail?: string;
}

export function SignUpForm({ onSignedUp, initialEmail = '' }: SignUpFormProps) {
  const { t } = useTranslation();
  const setMe = useSetMe();
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [acceptTerms, setAcceptTerms] = useState(false);
  const signUp = useMutation({
    mutationFn: () =>
      api.post<Me>('/api/auth/sign-up', {
        firstName: firstName.trim(),
        lastName: lastName.trim(),
        email: email.trim(),
        password,
        acceptTerms,
      }),
    onSuccess: (me) => {
      setMe(me);
      onSignedUp(me);
    },
  });
  const errors = useApiErrors(signUp.error, FIELDS);

  function submit() {
    signUp.mutate();
  }

  return (
    <Form onSubmit={submit} error={signUp.error} testId="sign-up-form">
      <ErrorSummary messages={errors.general} />
      <TextField label={t('auth.firstName')} name="firstName" autoComplete="given-name" value={firstName} onChange={setFirstName} error={errors.fields.firstName} />
      <TextField label={t('auth.lastName')} name="lastName" autoComplete="family-name" value={lastName} onChange={setLastName} error={errors.fields.lastName} />
      <TextField label={t('auth.email')} name="email" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.fields.email} />
      <TextField
        label={t('auth.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={setPassword}
        hint={<PasswordPolicy />}
        error={errors.fields.password}
      />
      <CheckboxField label={t('auth.acceptTerms')} name="acceptTerms" checked={acceptTerms} onChange={setAcceptTerms} error={errors.fields.acceptTerms} />
      <Button type="submit" busy={signUp.isPending} data-testid="sign-up-submit">
        {t('auth.signUp')}
      </Button>
    </Form>
  );
}
