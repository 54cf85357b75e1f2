import { useId } from 'react';
import { PAGE_SIZES } from '@jalon/contracts/constants';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../list/useListParams';
import { Button } from './Button';

/**
 * A page of a list as the API answered it. Moving writes `page` / `pageSize` into the URL
 * (`useListParams`), where the list reads them; a new size starts again at the first page.
 */
export function Pagination({ list }: { list: { page: number; pageSize: number; total: number } }) {
  const { t } = useTranslation();
  const sizeId = useId();
  const { update } = useListParams();
  const { page, pageSize, total } = list;
  const onPage = (next: number) => update({ page: String(next) });
  const onPageSize = (next: number) => update({ pageSize: String(next), page: '' });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t('pagination.label')} className="pagination" data-testid="pagination">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('pagination.previous')}
      </Button>
      <span aria-live="polite">{t('pagination.status', { page, pageCount })}</span>
      <Button variant="secondary" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t('pagination.next')}
      </Button>
      <label htmlFor={sizeId}>{t('pagination.pageSize')}</label>
      <select id={sizeId} value={pageSize} onChange={(event) => onPageSize(Number(event.target.value))}>
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size}
          </option>
        ))}
      </select>
    </nav>
  );
}
