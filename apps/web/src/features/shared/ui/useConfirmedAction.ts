import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ConfirmDialogProps } from './ConfirmDialog';

interface ConfirmedActionOptions<T, V, R> {
  /** The mutation's variables for what the user asked to act on. */
  variables: (target: T) => V;
  /** Runs before the dialog closes on success, e.g. to say what was done or where the focus goes. */
  onSuccess?: (result: R, target: T) => void;
  /**
   * For what cannot be undone: nothing runs until the dialog's box is ticked, and this message
   * says so beside the box (spread `acknowledgement` into its CheckboxField).
   */
  mustAcknowledge?: string;
}

/** What a page needs to ask before a mutation: spread `dialog` into `ConfirmDialog`. */
export interface ConfirmedAction<T> {
  /** True from `ask` until the user cancels or the mutation succeeds. */
  open: boolean;
  /** What the user asked to act on while the dialog is open (for a name or a count in the title). */
  target: T | null;
  ask: (target: T) => void;
  dialog: Pick<ConfirmDialogProps, 'onConfirm' | 'onCancel' | 'busy' | 'error'>;
  acknowledgement: { checked: boolean; onChange: (checked: boolean) => void; error: string | undefined };
}

/**
 * « Ask, then act »: remembers what the user asked to act on, runs the mutation only once the
 * dialog is confirmed, and closes on success. Cancelling forgets the mutation's error, so the
 * next dialog does not open on a failure that belongs to an earlier try.
 *
 * The mutation's own state is kept on success (a page may show `isSuccess`). Without a target
 * (« Publier la session »), call `ask()` and use `open`.
 */
export function useConfirmedAction<T = void, R = unknown, E = unknown, V = void, C = unknown>(
  mutation: UseMutationResult<R, E, V, C>,
  { variables, onSuccess, mustAcknowledge }: ConfirmedActionOptions<T, V, R>,
): ConfirmedAction<T> {
  // Wrapped so that a target which is itself falsy (or `undefined`, without one) still counts as asked.
  const [asked, setAsked] = useState<{ target: T } | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [acknowledgeError, setAcknowledgeError] = useState<string | undefined>();

  function close() {
    setAsked(null);
    setAcknowledged(false);
    setAcknowledgeError(undefined);
  }

  return {
    open: asked !== null,
    target: asked === null ? null : asked.target,
    ask: (target) => {
      if (mutation.isError) mutation.reset();
      setAsked({ target });
    },
    dialog: {
      onConfirm: () => {
        if (asked === null) return;
        if (mustAcknowledge !== undefined && !acknowledged) {
          setAcknowledgeError(mustAcknowledge);
          return;
        }
        const { target } = asked;
        mutation.mutate(variables(target), {
          onSuccess: (result) => {
            onSuccess?.(result, target);
            close();
          },
        });
      },
      onCancel: () => {
        close();
        mutation.reset();
      },
      busy: mutation.isPending,
      error: mutation.error,
    },
    acknowledgement: {
      checked: acknowledged,
      onChange: (checked) => {
        setAcknowledged(checked);
        setAcknowledgeError(undefined);
      },
      error: acknowledgeError,
    },
  };
}
