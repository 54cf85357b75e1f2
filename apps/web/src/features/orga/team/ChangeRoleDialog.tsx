import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Member, Role } from '../../../api/types';
import { ME_KEY } from '../../shared/session/useMe';
import { Button } from '../../shared/ui/Button';
import { Dialog } from '../../shared/ui/Dialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { SelectField } from '../../shared/ui/SelectField';
import { membersKey } from './teamQueries';
import { Form } from '../../shared/ui/Form';

interface ChangeRoleDialogProps {
  organizationId: string;
  member: Member;
  onClose: () => void;
}

export function ChangeRoleDialog({ organizationId, member, onClose }: ChangeRoleDialogProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [role, setRole] = useState<Role>(member.role);
  const change = useMutation({
    mutationFn: () => api.patch(`/api/organizations/${organizationId}/members/${member.id}`, { role }),
    onSuccess: async () => {
      // Demoting oneself changes one's own menu, hence the session too.
      await Promise.all([
        client.invalidateQueries({ queryKey: membersKey(organizationId) }),
        client.invalidateQueries({ queryKey: ME_KEY }),
      ]);
      onClose();
    },
  });
  const name = `${member.firstName} ${member.lastName}`;

  function submit() {
    change.mutate();
  }

  return (
    <Dialog title={t('orga.team.members.changeRole.title', { name })} onClose={onClose} testId="change-role-dialog">
      <Form onSubmit={submit} error={change.error}>
        <ErrorSummary error={change.error} />
        <SelectField
          label={t('orga.team.members.role')}
          name="role"
          value={role}
          onChange={(value) => setRole(value === 'ADMIN' ? 'ADMIN' : 'MEMBER')}
          options={[
            { value: 'MEMBER', label: t('orga.roles.MEMBER') },
            { value: 'ADMIN', label: t('orga.roles.ADMIN') },
          ]}
        />
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={change.isPending} disabled={role === member.role} data-testid="change-role-confirm">
            {t('orga.team.members.changeRole.confirm')}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
