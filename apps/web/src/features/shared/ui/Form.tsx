import { useEffect, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';

interface FormProps {
  onSubmit: () => void;
  /** The last submission's error: when it changes, focus goes to the first invalid field (or the summary). */
  error: unknown;
  children: ReactNode;
  testId?: string;
}

/**
 * Every form: no native validation bubbles (they ignore the chosen language; the API's
 * translated errors are used instead), and after a refused submission the keyboard focus
 * lands where the problem is.
 */
export function Form({ onSubmit, error, children, testId }: FormProps) {
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!error || form.current === null) return;
    const target = form.current.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
    if (target?.getAttribute('role') === 'alert') target.setAttribute('tabindex', '-1');
    target?.focus();
  }, [error]);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="form" data-testid={testId}>
      {children}
    </form>
  );
}
