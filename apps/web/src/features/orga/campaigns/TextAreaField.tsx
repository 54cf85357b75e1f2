import { useId } from 'react';
import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { describedBy } from '../../shared/ui/fieldIds';
import { FieldMessages } from '../../shared/ui/FieldMessages';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A multi-line field wired like the shared TextField: label, hint and error read together. */
export function TextAreaField({ label, name, value, onChange, hint, error, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="field__input"
        rows={6}
        {...rest}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
