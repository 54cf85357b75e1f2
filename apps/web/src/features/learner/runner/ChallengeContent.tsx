import { useEffect, useRef } from 'react';
import type { RunnerChallenge } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Markdown } from '../../shared/content/Markdown';
import { assetUrl } from '../../shared/content/assetUrl';

/** The instruction with what comes with it: illustration, files to download, embedded activity. */
export function ChallengeContent({ challenge, onEmbedAnswer }: { challenge: RunnerChallenge; onEmbedAnswer: (answer: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="challenge-content">
      <div lang={challenge.locales[0]}>
        <Markdown text={challenge.instruction} className="challenge-instruction" />
      </div>
      {challenge.illustration ? (
        <img
          className="challenge-illustration"
          src={assetUrl(challenge.illustration.url)}
          alt={challenge.illustration.decorative ? '' : (challenge.illustration.alt ?? '')}
          data-testid="challenge-illustration"
        />
      ) : null}
      {challenge.attachments.length > 0 ? (
        <section aria-labelledby="challenge-attachments" className="challenge-attachments" data-testid="challenge-attachments">
          <h3 id="challenge-attachments">{t('learner.runner.attachments')}</h3>
          <ul>
            {challenge.attachments.map((attachment) =>
              attachment.files.map((file) => (
                <li key={file}>
                  <a href={assetUrl(file)} download>
                    {t('learner.runner.download', { title: attachment.title, format: extension(file) })}
                  </a>
                </li>
              )),
            )}
          </ul>
        </section>
      ) : null}
      {challenge.embed ? <ChallengeEmbed embed={challenge.embed} onAnswer={onEmbedAnswer} /> : null}
    </div>
  );
}

function extension(file: string): string {
  return (file.split('.').pop() ?? '').toUpperCase();
}

type Embed = NonNullable<RunnerChallenge['embed']>;

/**
 * The activity runs sandboxed (scripts, but no access to Jalon's origin, cookies or
 * navigation); with `autoReply` its answer is taken only from that very frame's window.
 */
function ChallengeEmbed({ embed, onAnswer }: { embed: Embed; onAnswer: (answer: string) => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const answer = useRef(onAnswer);

  useEffect(() => {
    answer.current = onAnswer;
  }, [onAnswer]);

  useEffect(() => {
    if (!embed.autoReply) return;
    function receive(event: MessageEvent) {
      if (frame.current === null || event.source !== frame.current.contentWindow) return;
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null) return;
      const message = data as { type?: unknown; answer?: unknown };
      if (message.type === 'jalon:answer' && typeof message.answer === 'string') answer.current(message.answer);
    }
    window.addEventListener('message', receive);
    return () => window.removeEventListener('message', receive);
  }, [embed.autoReply]);

  const src = /^https:\/\//.test(embed.url) ? embed.url : assetUrl(embed.url);
  return (
    <iframe
      ref={frame}
      className="challenge-embed"
      src={src}
      title={embed.title}
      height={embed.height}
      sandbox="allow-scripts"
      data-testid="challenge-embed"
    />
  );
}
