import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdminChallengePreview } from '../../../api/types';
import { assetUrl } from '../../shared/content/assetUrl';
import { localized } from '../../shared/content/localized';
import { Markdown } from '../../shared/content/Markdown';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { AnswerAreaFields } from './AnswerAreaFields';
import { emptyDraft, toAnswer, type AnswerDraft } from './answerDraft';
import { useChallengePreview, useCheckAnswer } from './challengeQueries';
import { CorrectionPanel } from './CorrectionPanel';
import './preview.css';

/** An embed is one of our assets, or an https page of an origin the instance allows. */
const embedUrl = (url: string) => (url.startsWith('assets/') ? assetUrl(url) : url);

/** Authoring aid: a challenge exactly as a learner sees it, answered and corrected as in a campaign. */
export function ChallengePreviewPage() {
  const { t } = useTranslation();
  const challengeId = useParams().challengeId ?? '';
  const preview = useChallengePreview(challengeId);
  const title = t('admin.preview.challengeTitle', { id: challengeId });
  return (
    <Page title={title} testId="challenge-preview-page">
      <p>
        <Link to="/admin/epreuves">{t('admin.preview.back')}</Link>
      </p>
      {preview.isPending ? <Loading /> : null}
      <ErrorSummary error={preview.error} />
      {preview.data ? <ChallengePreview key={challengeId} preview={preview.data} /> : null}
    </Page>
  );
}

function ChallengePreview({ preview }: { preview: AdminChallengePreview }) {
  const { t, i18n } = useTranslation();
  const { challenge } = preview;
  const [draft, setDraft] = useState<AnswerDraft>(() => emptyDraft(challenge.answerArea));
  const check = useCheckAnswer(challenge.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    check.mutate(toAnswer(challenge.type, draft));
  }

  function edit(next: AnswerDraft) {
    setDraft(next);
    if (check.data || check.error) check.reset();
  }

  return (
    <>
      <section aria-labelledby="challenge-context">
        <h2 id="challenge-context">{t('admin.preview.context.title')}</h2>
        <dl className="details" data-testid="challenge-context">
          <dt>{t('admin.preview.context.competence')}</dt>
          <dd>{`${preview.competence.index} ${localized(preview.competence.name, i18n.language)}`}</dd>
          <dt>{t('admin.preview.context.tube')}</dt>
          <dd>{`${localized(preview.tube.practicalTitle, i18n.language)} (${preview.tube.id})`}</dd>
          <dt>{t('admin.preview.context.skill')}</dt>
          <dd>{t('admin.preview.context.skillLevel', { id: preview.skill.id, level: preview.skill.level })}</dd>
          <dt>{t('admin.preview.context.type')}</dt>
          <dd data-testid="challenge-type">{challenge.type}</dd>
          <dt>{t('admin.preview.context.status')}</dt>
          <dd>{t(`admin.preview.statuses.${preview.status}`, { defaultValue: preview.status })}</dd>
          <dt>{t('admin.preview.context.locales')}</dt>
          <dd>{challenge.locales.join(', ')}</dd>
          <dt>{t('admin.preview.context.conditions')}</dt>
          <dd>
            <ul className="preview__conditions">
              {challenge.timer !== undefined ? <li>{t('admin.preview.context.timer', { seconds: challenge.timer })}</li> : null}
              {challenge.focused ? <li>{t('admin.preview.context.focused')}</li> : null}
              {challenge.shuffled ? <li>{t('admin.preview.context.shuffled')}</li> : null}
              {challenge.timer === undefined && !challenge.focused && !challenge.shuffled ? <li>{t('admin.preview.context.none')}</li> : null}
            </ul>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="learner-view" className="preview__learner" lang={challenge.locales[0]}>
        <h2 id="learner-view">{t('admin.preview.learnerView')}</h2>
        <div className="preview__challenge" data-testid="learner-view">
          <Markdown text={challenge.instruction} className="preview__instruction" />
          {challenge.illustration ? (
            <img
              className="preview__illustration"
              src={assetUrl(challenge.illustration.url)}
              alt={challenge.illustration.decorative ? '' : (challenge.illustration.alt ?? '')}
              data-testid="challenge-illustration"
            />
          ) : null}
          {challenge.attachments.length > 0 ? (
            <ul className="link-list" data-testid="challenge-attachments">
              {challenge.attachments.flatMap((attachment) =>
                attachment.files.map((file) => (
                  <li key={file}>
                    <a href={assetUrl(file)} download>
                      {t('admin.preview.attachment', { title: attachment.title, extension: file.split('.').pop()?.toUpperCase() ?? '' })}
                    </a>
                  </li>
                )),
              )}
            </ul>
          ) : null}
          {challenge.embed ? (
            <iframe
              className="preview__embed"
              src={embedUrl(challenge.embed.url)}
              title={challenge.embed.title}
              height={challenge.embed.height}
              sandbox="allow-scripts"
            />
          ) : null}
          {challenge.alternativeInstruction !== undefined ? (
            <details className="preview__alternative">
              <summary>{t('admin.preview.alternativeInstruction')}</summary>
              <Markdown text={challenge.alternativeInstruction} />
            </details>
          ) : null}
          <form onSubmit={submit} noValidate data-testid="answer-form">
            <AnswerAreaFields type={challenge.type} area={challenge.answerArea} format={challenge.format} draft={draft} onChange={edit} />
            <div className="actions">
              <Button type="submit" busy={check.isPending} data-testid="check-answer">
                {t('admin.preview.check')}
              </Button>
            </div>
          </form>
        </div>
        <ErrorSummary error={check.error} />
        <div aria-live="polite">{check.data ? <CorrectionPanel area={challenge.answerArea} correction={check.data} /> : null}</div>
      </section>
    </>
  );
}
