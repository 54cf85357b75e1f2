import { useId } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

/**
 * The follow-up filters as URL parameters (spec README, « Lists »): lists are repeated keys
 * (`?classe=3A&classe=3B`); applying filters goes back to the first page.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  return {
    one: (key: string) => params.get(key) ?? '',
    many: (key: string) => params.getAll(key),
    apply(values: Record<string, string | string[]>) {
      const next = new URLSearchParams(params);
      next.delete('page');
      for (const [key, value] of Object.entries(values)) {
        next.delete(key);
        for (const item of [value].flat()) if (item !== '') next.append(key, item);
      }
      setParams(next);
    },
  };
}

/** Applying the filters folds the open lists, which would otherwise cover the table. */
export function closeLists(event: FormEvent<HTMLFormElement>): void {
  event.currentTarget.querySelectorAll('details').forEach((details) => {
    details.open = false;
  });
}

/** Escape folds the list and gives the focus back to its summary, as a native select would. */
function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>): void {
  if (event.key !== 'Escape' || !event.currentTarget.open) return;
  event.preventDefault();
  event.currentTarget.open = false;
  event.currentTarget.querySelector('summary')?.focus();
}

/**
 * A multi-select as a disclosure of checkboxes: native controls, so the keyboard and screen
 * readers work as everywhere else, and the closed summary says how many are chosen.
 */
export function MultiSelectFilter({
  label,
  options,
  selected,
  onChange,
  hint,
  testId,
}: {
  label: string;
  options: { value: string; label: string }[];
  selected: string[];
  onChange: (selected: string[]) => void;
  hint?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  if (options.length === 0) return null;
  return (
    <details className="multi-select" onKeyDown={closeOnEscape} data-testid={testId}>
      <summary>
        {label} <span className="multi-select__count">({selected.length === 0 ? t('orga.followUp.filters.none') : t('orga.followUp.filters.chosen', { count: selected.length })})</span>
      </summary>
      <fieldset className="multi-select__options" aria-describedby={hint ? hintId : undefined}>
        <legend className="visually-hidden">{label}</legend>
        {hint ? (
          <p id={hintId} className="field__hint">
            {hint}
          </p>
        ) : null}
        {options.map((option) => (
          <label key={option.value} className="multi-select__option">
            <input
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...selected, option.value] : selected.filter((value) => value !== option.value))
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
