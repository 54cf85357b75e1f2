import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../api/client';
import type { CreateInvitationsResponse, Role } from '../../../api/types';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Page } from '../../shared/ui/Page';
import { SelectField } from '../../shared/ui/SelectField';
import { TextField } from '../../shared/ui/TextField';
import { useOrga } from '../shell/orgaContext';
import { invitationsKey } from './teamQueries';
import { TeamTabs } from './TeamTabs';
import { Form } from '../../shared/ui/Form';

const FIELDS = ['emails', 'role'] as const;
const AUTOMATIC = 'AUTOMATIC';

function parseRole(value: string): Role | null {
  return value === 'ADMIN' || value === 'MEMBER' ? value : null;
}

export function InviteMemberPage() {
  const { t } = useTranslation();
  const organizationId = useOrga().membership.organization.id;
  const client = useQueryClient();
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState(AUTOMATIC);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmMissing, setConfirmMissing] = useState(false);
  const invite = useMutation({
    mutationFn: () => api.post<CreateInvitationsResponse>(`/api/organizations/${organizationId}/invitations`, { emails, role: parseRole(role) }),
    onSuccess: async () => {
      setEmails('');
      setConfirmed(false);
      await client.invalidateQueries({ queryKey: invitationsKey(organizationId) });
    },
  });
  const errors = useApiErrors(invite.error, FIELDS);

  function submit() {
    // Inviting gives access to pupils' results: the admin must say they know it before anything is sent.
    if (!confirmed) {
      setConfirmMissing(true);
      return;
    }
    setConfirmMissing(false);
    invite.mutate();
  }

  const result = invite.data;
  return (
    <Page title={t('orga.team.invite.title')} testId="invite-member-page">
      <TeamTabs showInvite={false} />
      {result ? (
        <div className="alert alert--success" role="status" data-testid="invitation-results">
          {result.invited.length > 0 ? (
            <>
              <p>{t('orga.team.invite.invited', { count: result.invited.length })}</p>
              <ul data-testid="invited-emails">
                {result.invited.map((item) => (
                  <li key={item.invitationId}>{item.email}</li>
                ))}
              </ul>
            </>
          ) : null}
          {result.alreadyMembers.length > 0 ? (
            <>
              <p>{t('errors.ALREADY_A_MEMBER')}</p>
              <ul data-testid="already-members">
                {result.alreadyMembers.map((email) => (
                  <li key={email}>{email}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <Link to="/orga/equipe/invitations">{t('orga.team.invite.seePending')}</Link>
          </p>
        </div>
      ) : null}
      <Form onSubmit={submit} error={invite.error ?? (confirmMissing || null)} testId="invite-form">
        <ErrorSummary messages={errors.general} />
        <TextField
          label={t('orga.team.invite.emails')}
          name="emails"
          value={emails}
          onChange={setEmails}
          hint={t('orga.team.invite.emailsHint')}
          error={errors.fields.emails}
          autoComplete="off"
        />
        <SelectField
          label={t('orga.team.members.role')}
          name="role"
          value={role}
          onChange={setRole}
          hint={t('orga.team.invite.roleHint')}
          error={errors.fields.role}
          options={[
            { value: AUTOMATIC, label: t('orga.roles.automatic') },
            { value: 'MEMBER', label: t('orga.roles.MEMBER') },
            { value: 'ADMIN', label: t('orga.roles.ADMIN') },
          ]}
        />
        <CheckboxField
          label={t('orga.team.invite.confirm')}
          name="confirm"
          checked={confirmed}
          onChange={setConfirmed}
          error={confirmMissing ? t('orga.team.invite.confirmRequired') : undefined}
        />
        <Button type="submit" busy={invite.isPending} data-testid="invite-submit">
          {t('orga.team.invite.submit')}
        </Button>
      </Form>
    </Page>
  );
}
