import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '@jalon/contracts/constants';
import { useSearchParams } from 'react-router';

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/**
 * A list's page, page size and filters, read from and written to the URL (spec README,
 * « Lists »), so a list can be bookmarked and the back button restores it.
 */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const requestedSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  /** Sets the given parameters; an empty value removes one. */
  function update(next: Record<string, string>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === '') merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  }
  return {
    params,
    search: params.get('search') ?? '',
    page: positiveInt(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(requestedSize) ? requestedSize : DEFAULT_PAGE_SIZE,
    update,
  };
}
