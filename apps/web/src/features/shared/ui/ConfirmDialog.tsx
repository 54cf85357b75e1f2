import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorSummary } from './ErrorSummary';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  error?: unknown;
  destructive?: boolean;
  returnFocusTo?: RefObject<HTMLElement | null>;
}

/** Asks before an action that cannot be undone; the focus starts on « Annuler », the safe choice. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel, busy = false, error, destructive = true, returnFocusTo }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={title} onClose={onCancel} testId="confirm-dialog" returnFocusTo={returnFocusTo}>
      <ErrorSummary error={error} />
      <div className="dialog__body">{children}</div>
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant={destructive ? 'danger' : 'primary'} onClick={onConfirm} busy={busy} data-testid="confirm-dialog-confirm">
          {confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
