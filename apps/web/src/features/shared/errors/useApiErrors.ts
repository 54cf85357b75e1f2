import { useTranslation } from 'react-i18next';
import { splitErrors } from './translateError';
import type { SplitErrors } from './translateError';

export function useApiErrors(error: unknown, fieldNames: readonly string[] = []): SplitErrors {
  const { t, i18n } = useTranslation();
  return splitErrors(t, error, i18n.language, fieldNames);
}
