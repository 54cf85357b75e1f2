import { escapeHtml } from '../../platform/mail';

interface MailContext {
  firstName: string;
  lang: string;
  campaignTitle: string;
  organizationName: string;
  link: string;
}

const TEXTS = {
  fr: {
    TO_SHARE: {
      subject: "Vous n'avez pas envoyé vos résultats",
      body: (c: MailContext) =>
        `Vous avez terminé le parcours « ${c.campaignTitle} » de ${c.organizationName}, mais vos résultats ne sont pas encore envoyés : ` +
        `tant que vous ne les envoyez pas, votre enseignant ne les voit pas. Ouvrez ce lien et cliquez sur « J'envoie mes résultats ».`,
    },
    STARTED: {
      subject: 'Terminez votre parcours',
      body: (c: MailContext) =>
        `Vous avez commencé le parcours « ${c.campaignTitle} » de ${c.organizationName} sans le terminer. ` +
        `Vos réponses sont enregistrées : ouvrez ce lien pour reprendre là où vous vous étiez arrêté(e).`,
    },
    hello: 'Bonjour',
    signature: "L'équipe Jalon",
    action: { TO_SHARE: 'Envoyer mes résultats', STARTED: 'Reprendre mon parcours' },
  },
  en: {
    TO_SHARE: {
      subject: 'You have not sent your results',
      body: (c: MailContext) =>
        `You finished the course « ${c.campaignTitle} » of ${c.organizationName}, but your results have not been sent: ` +
        `your teacher cannot see them until you send them. Open this link and click « Send my results ».`,
    },
    STARTED: {
      subject: 'Finish your course',
      body: (c: MailContext) =>
        `You started the course « ${c.campaignTitle} » of ${c.organizationName} without finishing it. ` +
        `Your answers are saved: open this link to carry on where you stopped.`,
    },
    hello: 'Hello',
    signature: 'The Jalon team',
    action: { TO_SHARE: 'Send my results', STARTED: 'Carry on' },
  },
} as const;

/** The reminder mail in the learner's language (French unless they chose English). */
export function reminderMail(status: 'STARTED' | 'TO_SHARE', context: MailContext): { subject: string; text: string; html: string } {
  const t = context.lang === 'en' ? TEXTS.en : TEXTS.fr;
  const body = t[status].body(context);
  return {
    subject: t[status].subject,
    text: `${t.hello} ${context.firstName},\n\n${body}\n${context.link}\n\n${t.signature}`,
    html:
      `<p>${t.hello} ${escapeHtml(context.firstName)},</p><p>${escapeHtml(body)}</p>` +
      `<p><a href="${escapeHtml(context.link)}">${t.action[status]}</a></p><p>${t.signature}</p>`,
  };
}
