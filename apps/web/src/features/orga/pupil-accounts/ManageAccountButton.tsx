import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button';
import { ManageAccountDialog } from './ManageAccountDialog';
import { ofName } from './ofName';

interface ManageAccountButtonProps {
  organizationId: string;
  learnerId: string;
  learnerName: string;
}

/** « Gérer le compte » of one pupil, for any member of the organization (`learners-and-accounts.md` §5). */
export function ManageAccountButton({ organizationId, learnerId, learnerName }: ManageAccountButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => setOpen(true)}
        aria-label={t('orga.pupilAccounts.manage.buttonOf', { ofName: ofName(t, learnerName) })}
        aria-haspopup="dialog"
        data-testid={`manage-account-${learnerId}`}
      >
        {t('orga.pupilAccounts.manage.button')}
      </Button>
      {open && (
        <ManageAccountDialog
          organizationId={organizationId}
          learnerId={learnerId}
          learnerName={learnerName}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
