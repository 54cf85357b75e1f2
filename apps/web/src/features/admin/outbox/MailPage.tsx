import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../shared/format/formatDate';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { LinkifiedText } from './LinkifiedText';
import { useOutboxMail } from './outboxQueries';

export function MailPage() {
  const { t, i18n } = useTranslation();
  const { mailId = '' } = useParams();
  const mail = useOutboxMail(mailId);
  return (
    <Page title={mail.data?.subject ?? t('admin.outbox.mail')} testId="mail-page">
      <p>
        <Link to="/admin/boite-d-envoi">{t('admin.outbox.back')}</Link>
      </p>
      {mail.isPending ? <Loading /> : null}
      <ErrorSummary error={mail.error} />
      {mail.data ? (
        <>
          <dl className="details">
            <dt>{t('admin.outbox.to')}</dt>
            <dd data-testid="mail-to">{mail.data.to}</dd>
            <dt>{t('admin.outbox.date')}</dt>
            <dd>{formatDateTime(mail.data.createdAt, i18n.language)}</dd>
          </dl>
          <LinkifiedText text={mail.data.text} />
        </>
      ) : null}
    </Page>
  );
}
