import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LearnerDetail } from '@jalon/contracts';
import { formatDate } from '../../shared/format/formatDate';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Notice } from '../../shared/ui/Notice';
import { Page } from '../../shared/ui/Page';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TextField } from '../../shared/ui/TextField';
import { ManageAccountButton } from '../pupil-accounts/ManageAccountButton';
import { learnersEntry } from '../shell/menu';
import { useOrga } from '../shell/orgaContext';
import { useOrganizationTimeZone } from '../shell/useOrganization';
import { CertifiabilityPill, formatBirthdate, LoginMethodBadges } from './LearnerBadges';
import { useLearner, useUpdateStudentNumber } from './learnerQueries';
import '../campaigns/followUp.css';
import './learners.css';

/** One learner (`learners-and-accounts.md` §1): identity, class, how they sign in, certifiability, and all their participations. */
export function LearnerPage() {
  const { t } = useTranslation();
  const { learnerId = '' } = useParams();
  const { membership } = useOrga();
  const organizationId = membership.organization.id;
  const entry = learnersEntry(membership.organization.type);
  const learner = useLearner(organizationId, learnerId);
  const data = learner.data;
  const fullName = data ? `${data.firstName} ${data.lastName}` : t(entry.labelKey);
  return (
    <Page title={fullName} testId="learner-page">
      <p>
        <Link to={entry.path}>{t('orga.learners.page.back')}</Link>
      </p>
      {learner.isPending ? <Loading /> : null}
      <ErrorSummary error={learner.error} />
      {data ? (
        <>
          <LearnerIdentity learner={data} />
          <LearnerParticipations learner={data} />
        </>
      ) : null}
    </Page>
  );
}

function LearnerIdentity({ learner }: { learner: LearnerDetail }) {
  const { t, i18n } = useTranslation();
  const { membership } = useOrga();
  const type = membership.organization.type;
  const timeZone = useOrganizationTimeZone();
  const middleNames = [learner.middleName, learner.thirdName].filter((name): name is string => name !== null && name !== '');
  return (
    <section aria-labelledby="learner-identity-title" className="learner-identity">
      <h2 id="learner-identity-title">{t('orga.learners.page.identity')}</h2>
      {learner.isDisabled ? <Notice tone="info">{t('orga.learners.disabled')}</Notice> : null}
      <dl className="learner-facts" data-testid="learner-facts">
        <div>
          <dt>{t('orga.learners.columns.lastName')}</dt>
          <dd>{learner.lastName}</dd>
        </div>
        {learner.preferredLastName ? (
          <div>
            <dt>{t('orga.learners.page.preferredLastName')}</dt>
            <dd>{learner.preferredLastName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('orga.learners.columns.firstName')}</dt>
          <dd>{learner.firstName}</dd>
        </div>
        {middleNames.length > 0 ? (
          <div>
            <dt>{t('orga.learners.page.middleNames')}</dt>
            <dd>{middleNames.join(', ')}</dd>
          </div>
        ) : null}
        {learner.birthdate ? (
          <div>
            <dt>{t('orga.learners.columns.birthdate')}</dt>
            <dd>{formatBirthdate(learner.birthdate, i18n.language)}</dd>
          </div>
        ) : null}
        {learner.division ? (
          <div>
            <dt>{t('orga.learners.columns.division')}</dt>
            <dd data-testid="learner-division">{learner.division}</dd>
          </div>
        ) : null}
        {learner.group ? (
          <div>
            <dt>{t('orga.learners.columns.group')}</dt>
            <dd>{learner.group}</dd>
          </div>
        ) : null}
        {type === 'SUP' ? <StudentNumber learner={learner} /> : null}
        <div>
          <dt>{t('orga.learners.columns.loginMethods')}</dt>
          <dd data-testid="learner-login-methods">
            {learner.hasAccount ? <LoginMethodBadges methods={learner.loginMethods} /> : t('orga.learners.page.noAccount')}
            {learner.isBlocked ? <span className="learner-flag learner-flag--blocked">{t('orga.learners.blocked')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('orga.learners.columns.certifiability')}</dt>
          <dd>
            <CertifiabilityPill value={learner.certifiability} />
            {learner.certifiabilityAt ? ` ${t('orga.learners.page.certifiabilityAt', { date: formatDate(learner.certifiabilityAt, i18n.language, timeZone) })}` : null}
          </dd>
        </div>
      </dl>
      {type === 'SCO' && !learner.isDisabled ? (
        <p>
          <ManageAccountButton organizationId={membership.organization.id} learnerId={learner.id} learnerName={`${learner.firstName} ${learner.lastName}`} />
        </p>
      ) : null}
    </section>
  );
}

/** SUP: the student number, which ADMINs may correct (unique in the institution). */
function StudentNumber({ learner }: { learner: LearnerDetail }) {
  const { t } = useTranslation();
  const { membership } = useOrga();
  const update = useUpdateStudentNumber(membership.organization.id, learner.id);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(learner.studentNumber ?? '');
  const [saved, setSaved] = useState(false);
  const errors = useApiErrors(update.error, ['studentNumber']);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(value.trim(), {
      onSuccess: () => {
        setEditing(false);
        setSaved(true);
      },
    });
  }

  return (
    <div>
      <dt>{t('orga.learners.columns.studentNumber')}</dt>
      <dd data-testid="learner-student-number">
        {editing ? (
          <form onSubmit={submit} className="student-number-form" noValidate>
            <TextField
              label={t('orga.learners.studentNumber.label')}
              name="studentNumber"
              value={value}
              onChange={setValue}
              hint={t('orga.learners.studentNumber.hint')}
              error={errors.fields.studentNumber}
              maxLength={255}
              required
            />
            <ErrorSummary messages={errors.general} />
            <Button type="submit" busy={update.isPending}>
              {t('orga.learners.studentNumber.save')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setEditing(false);
                update.reset();
              }}
            >
              {t('orga.learners.studentNumber.cancel')}
            </Button>
          </form>
        ) : (
          <>
            {learner.studentNumber ?? ''}
            {membership.role === 'ADMIN' ? (
              <>
                {' '}
                <Button
                  variant="link"
                  onClick={() => {
                    setSaved(false);
                    setValue(learner.studentNumber ?? '');
                    setEditing(true);
                  }}
                  data-testid="edit-student-number"
                >
                  {t('orga.learners.studentNumber.edit')}
                </Button>
              </>
            ) : null}
            {saved ? (
              <span role="status" className="learner-saved">
                {t('orga.learners.studentNumber.saved')}
              </span>
            ) : null}
          </>
        )}
      </dd>
    </div>
  );
}

function LearnerParticipations({ learner }: { learner: LearnerDetail }) {
  const { t, i18n } = useTranslation();
  const timeZone = useOrganizationTimeZone();
  const title = t('orga.learners.page.participations');
  return (
    <section aria-labelledby="learner-participations-title">
      <h2 id="learner-participations-title">{title}</h2>
      {learner.participations.length === 0 ? (
        <p data-testid="no-learner-participations">{t('orga.learners.page.noParticipations')}</p>
      ) : (
        <TableScroll label={title}>
          <table className="table" data-testid="learner-participations">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('orga.learners.page.campaign')}</th>
                <th scope="col">{t('orga.learners.page.type')}</th>
                <th scope="col">{t('orga.learners.page.status')}</th>
                <th scope="col">{t('orga.learners.page.startedAt')}</th>
                <th scope="col">{t('orga.learners.page.sharedAt')}</th>
                <th scope="col">{t('orga.learners.page.result')}</th>
              </tr>
            </thead>
            <tbody>
              {learner.participations.map((participation) => (
                <tr key={participation.id} data-testid="learner-participation" data-status={participation.status}>
                  <th scope="row">
                    <Link
                      to={`/orga/campagnes/${participation.campaign.id}/participants/${participation.id}`}
                      aria-label={t('orga.learners.page.seeResultsOf', { campaign: participation.campaign.name })}
                    >
                      {participation.campaign.name}
                    </Link>
                    {participation.campaign.archived ? ` (${t('orga.learners.page.archived')})` : null}
                    {participation.isImproved ? <span className="learner-flag">{t('orga.learners.page.improved')}</span> : null}
                  </th>
                  <td>{t(`orga.learners.page.types.${participation.campaign.type}`)}</td>
                  <td>
                    <span className={`status-pill status-pill--${participation.status.toLowerCase()}`}>{t(`orga.learners.statuses.${participation.status}`)}</span>
                  </td>
                  <td>{formatDate(participation.createdAt, i18n.language, timeZone)}</td>
                  <td>{participation.sharedAt ? formatDate(participation.sharedAt, i18n.language, timeZone) : ''}</td>
                  <td>
                    {participation.masteryPercent !== null
                      ? t('orga.learners.page.mastery', { value: participation.masteryPercent })
                      : participation.pixScore !== null
                        ? t('orga.learners.page.pix', { value: participation.pixScore })
                        : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
