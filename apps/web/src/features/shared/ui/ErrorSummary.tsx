import { useTranslation } from 'react-i18next';
import { splitErrors } from '../errors/translateError';

interface ErrorSummaryProps {
  error?: unknown;
  /** Already-split messages, when the form placed some errors beside its fields. */
  messages?: string[];
}

/** Errors that belong to no field, announced by screen readers as soon as they appear. */
export function ErrorSummary({ error, messages }: ErrorSummaryProps) {
  const { t, i18n } = useTranslation();
  const lines = messages ?? splitErrors(t, error, i18n.language, []).general;
  if (lines.length === 0) return null;
  return (
    <div role="alert" className="alert alert--error" data-testid="form-errors">
      {lines.length === 1 ? (
        <p>{lines[0]}</p>
      ) : (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
