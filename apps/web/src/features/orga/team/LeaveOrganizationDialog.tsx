import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { ME_KEY } from '../../shared/session/useMe';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { useOrga } from '../shell/orgaContext';

/** Any member may leave (spec §2); the API refuses with LAST_ADMIN for the last administrator, shown in the dialog. */
interface LeaveOrganizationDialogProps {
  onClose: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
}

export function LeaveOrganizationDialog({ onClose, returnFocusTo }: LeaveOrganizationDialogProps) {
  const { t } = useTranslation();
  const { organization } = useOrga().membership;
  const client = useQueryClient();
  const navigate = useNavigate();
  const leave = useMutation({
    mutationFn: () => api.post(`/api/organizations/${organization.id}/leave`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ME_KEY });
      void navigate('/orga/');
    },
  });
  return (
    <ConfirmDialog
      title={t('orga.team.members.leave.title')}
      confirmLabel={t('orga.team.members.leave.confirm')}
      onConfirm={() => leave.mutate()}
      onCancel={onClose}
      busy={leave.isPending}
      error={leave.error}
      returnFocusTo={returnFocusTo}
    >
      <p>{t('orga.team.members.leave.text', { organization: organization.name })}</p>
    </ConfirmDialog>
  );
}
