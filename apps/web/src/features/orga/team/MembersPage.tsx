import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Member } from '../../../api/types';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useConfirmedAction } from '../../shared/ui/useConfirmedAction';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { useOrga } from '../shell/orgaContext';
import { ChangeRoleDialog } from './ChangeRoleDialog';
import { LeaveOrganizationDialog } from './LeaveOrganizationDialog';
import { roleLabel } from './roleLabel';
import { membersKey, useMembers } from './teamQueries';
import { TeamTabs } from './TeamTabs';
import { TableScroll } from '../../shared/ui/TableScroll';

type Action = { kind: 'role' | 'leave'; member: Member } | null;

export function MembersPage() {
  const { t } = useTranslation();
  const { me, membership } = useOrga();
  const organizationId = membership.organization.id;
  const members = useMembers(organizationId);
  const client = useQueryClient();
  const [action, setAction] = useState<Action>(null);

  const remove = useMutation({
    mutationFn: (member: Member) => api.delete(`/api/organizations/${organizationId}/members/${member.id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: membersKey(organizationId) }),
  });
  const removal = useConfirmedAction(remove, { variables: (member: Member) => member });
  const close = () => setAction(null);

  return (
    <Page title={t('orga.team.members.title')} heading={t('orga.team.title')} testId="members-page">
      <TeamTabs />
      {members.isPending ? <Loading /> : null}
      <ErrorSummary error={members.error} />
      {members.data ? (
        <TableScroll label={t('orga.team.members.caption', { count: members.data.length })}>
          <table className="table" data-testid="members-table">
            <caption>{t('orga.team.members.caption', { count: members.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orga.team.members.name')}</th>
                <th scope="col">{t('auth.email')}</th>
                <th scope="col">{t('orga.team.members.role')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => {
                const name = `${member.firstName} ${member.lastName}`;
                const isMe = member.userId === me.id;
                return (
                  <tr key={member.id} data-testid="member-row">
                    <th scope="row">{name}</th>
                    <td>{member.email ?? t('common.notProvided')}</td>
                    <td data-testid="member-role">{roleLabel(t, member.role)}</td>
                    <td className="table__actions">
                      <Button variant="secondary" onClick={() => setAction({ kind: 'role', member })} aria-label={t('orga.team.members.changeRole.label', { name })}>
                        {t('orga.team.members.changeRole.button')}
                      </Button>
                      {isMe ? (
                        <Button variant="danger" onClick={() => setAction({ kind: 'leave', member })} data-testid="leave-organization">
                          {t('orga.team.members.leave.button')}
                        </Button>
                      ) : (
                        <Button variant="danger" onClick={() => removal.ask(member)} aria-label={t('orga.team.members.remove.label', { name })}>
                          {t('orga.team.members.remove.button')}
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {action?.kind === 'role' ? <ChangeRoleDialog organizationId={organizationId} member={action.member} onClose={close} /> : null}
      {removal.target ? (
        <ConfirmDialog {...removal.dialog} title={t('orga.team.members.remove.title')} confirmLabel={t('orga.team.members.remove.confirm')}>
          <p>{t('orga.team.members.remove.text', { name: `${removal.target.firstName} ${removal.target.lastName}` })}</p>
        </ConfirmDialog>
      ) : null}
      {action?.kind === 'leave' ? <LeaveOrganizationDialog onClose={close} /> : null}
    </Page>
  );
}
