import { useEffect, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button';

/**
 * « Lire à voix haute » for candidates with an accommodation (`certification.md` §3.4): the
 * browser's own speech synthesis reads the question as shown (instruction and answer area).
 * Nothing is shown where the browser cannot speak.
 */
export function ReadAloudButton({ target, lang }: { target: RefObject<HTMLElement | null>; lang: string }) {
  const { t } = useTranslation();
  const [speaking, setSpeaking] = useState(false);
  const speech = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

  // Leaving the question stops the reading.
  useEffect(() => () => speech?.cancel(), [speech]);

  if (!speech) return null;
  const toggle = () => {
    speech.cancel();
    if (speaking) {
      setSpeaking(false);
      return;
    }
    const utterance = new SpeechSynthesisUtterance(target.current?.innerText ?? '');
    utterance.lang = lang;
    utterance.onend = () => setSpeaking(false);
    setSpeaking(true);
    speech.speak(utterance);
  };
  return (
    <Button variant="secondary" className="certification__read-aloud" onClick={toggle} data-testid="certification-read-aloud">
      {speaking ? t('learner.certificationTest.test.stopReading') : t('learner.certificationTest.test.readAloud')}
    </Button>
  );
}
