import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Invitation } from '../../../api/types';
import { formatDateTime } from '../../shared/format/formatDate';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { useOrga } from '../shell/orgaContext';
import { useOrganizationTimeZone } from '../shell/useOrganization';
import { roleLabel } from './roleLabel';
import { invitationsKey, useInvitations } from './teamQueries';
import { TeamTabs } from './TeamTabs';
import { TableScroll } from '../../shared/ui/TableScroll';

export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const organizationId = useOrga().membership.organization.id;
  const timeZone = useOrganizationTimeZone();
  const invitations = useInvitations(organizationId);
  const client = useQueryClient();
  const [resentTo, setResentTo] = useState<string | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: invitationsKey(organizationId) });
  const resend = useMutation({
    mutationFn: (invitation: Invitation) => api.post(`/api/organizations/${organizationId}/invitations/${invitation.id}/resend`),
    onSuccess: async (_result, invitation) => {
      setResentTo(invitation.email);
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (invitation: Invitation) => api.delete(`/api/organizations/${organizationId}/invitations/${invitation.id}`),
    onSuccess: refresh,
  });
  const cancellation = useConfirmedAction(cancel, { variables: (invitation: Invitation) => invitation });

  return (
    <Page title={t('orga.team.invitations.title')} heading={t('orga.team.title')} testId="invitations-page">
      <TeamTabs />
      {resentTo ? <Notice tone="success" testId="invitation-resent">{t('orga.team.invitations.resent', { email: resentTo })}</Notice> : null}
      <ErrorSummary error={resend.error} />
      {invitations.isPending ? <Loading /> : null}
      <ErrorSummary error={invitations.error} />
      {invitations.data?.length === 0 ? <p data-testid="no-invitations">{t('orga.team.invitations.empty')}</p> : null}
      {invitations.data && invitations.data.length > 0 ? (
        <TableScroll label={t('orga.team.invitations.caption', { count: invitations.data.length })}>
          <table className="table" data-testid="invitations-table">
            <caption>{t('orga.team.invitations.caption', { count: invitations.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('orga.team.members.role')}</th>
                <th scope="col">{t('orga.team.invitations.sentAt')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => (
                <tr key={invitation.id} data-testid="invitation-row">
                  <td data-testid="invitation-email">{invitation.email}</td>
                  <td>{roleLabel(t, invitation.role)}</td>
                  <td>{formatDateTime(invitation.updatedAt, i18n.language, timeZone)}</td>
                  <td className="table__actions">
                    <Button
                      variant="secondary"
                      busy={resend.isPending && resend.variables.id === invitation.id}
                      onClick={() => resend.mutate(invitation)}
                      aria-label={t('orga.team.invitations.resendLabel', { email: invitation.email })}
                    >
                      {t('orga.team.invitations.resend')}
                    </Button>
                    <Button
                      variant="danger"
                      onClick={() => cancellation.ask(invitation)}
                      aria-label={t('orga.team.invitations.cancelLabel', { email: invitation.email })}
                    >
                      {t('orga.team.invitations.cancel')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {cancellation.target ? (
        <ConfirmDialog {...cancellation.dialog} title={t('orga.team.invitations.cancelTitle')} confirmLabel={t('orga.team.invitations.cancelConfirm')}>
          <p>{t('orga.team.invitations.cancelText', { email: cancellation.target.email })}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
