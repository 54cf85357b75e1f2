import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../shared/format/formatDate';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { useOutbox } from './outboxQueries';
import { TableScroll } from '../../shared/ui/TableScroll';

/** Mails the instance would have sent, kept when no SMTP server is configured (non-production). */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const outbox = useOutbox();
  return (
    <Page title={t('admin.outbox.title')} testId="outbox-page">
      <p>{t('admin.outbox.intro')}</p>
      {outbox.isPending ? <Loading /> : null}
      <ErrorSummary error={outbox.error} />
      {outbox.data?.length === 0 ? <p>{t('admin.outbox.empty')}</p> : null}
      {outbox.data && outbox.data.length > 0 ? (
        <TableScroll label={t('admin.outbox.caption', { count: outbox.data.length })}>
          <table className="table" data-testid="outbox-table">
            <caption>{t('admin.outbox.caption', { count: outbox.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.outbox.to')}</th>
                <th scope="col">{t('admin.outbox.subject')}</th>
                <th scope="col">{t('admin.outbox.date')}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.map((mail) => (
                <tr key={mail.id} data-testid="outbox-row">
                  <td>{mail.to}</td>
                  <th scope="row">
                    <Link to={`/admin/boite-d-envoi/${mail.id}`}>{mail.subject}</Link>
                  </th>
                  <td>{formatDateTime(mail.createdAt, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
