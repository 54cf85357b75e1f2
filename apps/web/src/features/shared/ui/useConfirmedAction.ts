import { useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ConfirmDialogProps } from './ConfirmDialog';

/** What a page needs to ask before a mutation: spread `dialog` into `ConfirmDialog`. */
export interface ConfirmedAction<T> {
  /** True from `ask` until the user cancels or the mutation succeeds. */
  open: boolean;
  /** What the user asked to act on while the dialog is open (for a row's name in the title). */
  target: T | null;
  ask: (target: T) => void;
  dialog: Pick<ConfirmDialogProps, 'onConfirm' | 'onCancel' | 'busy' | 'error'>;
}

/**
 * « Ask, then act »: remembers what the user asked to act on, runs the mutation only once the
 * dialog is confirmed, and closes on success. Cancelling forgets the mutation's error, so the
 * next dialog does not open on a failure that belongs to an earlier try.
 *
 * The mutation's own state is kept on success (a page may show `isSuccess`); `onSuccess` runs
 * before the dialog closes, e.g. to say what was done or to choose where the focus goes.
 * Without a target (« Publier la session »), call `ask()` and use `open`.
 */
export function useConfirmedAction<T = void, R = unknown, E = unknown, V = void, C = unknown>(
  mutation: UseMutationResult<R, E, V, C>,
  variablesOf: (target: T) => V,
  onSuccess?: (result: R, target: T) => void,
): ConfirmedAction<T> {
  // Wrapped so that a target which is itself falsy (or `undefined`, without one) still counts as asked.
  const [asked, setAsked] = useState<{ target: T } | null>(null);

  function cancel() {
    setAsked(null);
    mutation.reset();
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
        const { target } = asked;
        mutation.mutate(variablesOf(target), {
          onSuccess: (result) => {
            onSuccess?.(result, target);
            setAsked(null);
          },
        });
      },
      onCancel: cancel,
      busy: mutation.isPending,
      error: mutation.error,
    },
  };
}
