import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface BirthdateParts {
  day: string;
  month: string;
  year: string;
}

/** `YYYY-MM-DD` as the API reads it; an incomplete date is sent as typed and refused with `BIRTHDATE_INVALID`. */
export function toIsoDate({ day, month, year }: BirthdateParts): string {
  return `${year.trim()}-${month.trim().padStart(2, '0')}-${day.trim().padStart(2, '0')}`;
}

interface BirthdateFieldProps {
  value: BirthdateParts;
  /** Takes an updater: keystrokes that arrive before the next render must not overwrite one another. */
  onChange: (update: (current: BirthdateParts) => BirthdateParts) => void;
  error?: string | undefined;
}

/**
 * Three numeric fields rather than a date picker: pupils type the date they know by heart,
 * with the keyboard, on any phone, and screen readers announce each part.
 */
export function BirthdateField({ value, onChange, error }: BirthdateFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const parts = [
    { key: 'day', size: 2, autoComplete: 'bday-day' },
    { key: 'month', size: 2, autoComplete: 'bday-month' },
    { key: 'year', size: 4, autoComplete: 'bday-year' },
  ] as const;
  return (
    <fieldset className={error ? 'birthdate field--invalid' : 'birthdate'} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} data-testid="birthdate">
      <legend>{t('learner.reconciliation.birthdate')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {t('learner.reconciliation.birthdateHint')}
      </p>
      <div className="birthdate__parts">
        {parts.map((part) => (
          <div key={part.key} className="field birthdate__part">
            <label htmlFor={`${id}-${part.key}`} className="field__label">
              {t(`learner.reconciliation.${part.key}`)}
            </label>
            <input
              id={`${id}-${part.key}`}
              name={`birthdate-${part.key}`}
              className="field__input"
              inputMode="numeric"
              autoComplete={part.autoComplete}
              maxLength={part.size}
              size={part.size + 1}
              value={value[part.key]}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                const digits = event.target.value.replace(/\D/g, '');
                onChange((current) => ({ ...current, [part.key]: digits }));
              }}
            />
          </div>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
