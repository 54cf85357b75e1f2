import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../shared/ui/Button';

/** How long « Copié » stays visible: long enough to be read, short enough not to linger. */
const CONFIRMATION_MS = 4000;

/**
 * Copies a value to the clipboard and says so in a live region, so both sighted and
 * screen-reader users know it worked (seed item 16). A browser that refuses the clipboard
 * gets a message telling the user to copy by hand.
 */
export function CopyButton({ value, label, testId }: { value: string; label: string; testId: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);

  useEffect(() => {
    if (outcome === null) return;
    const timer = setTimeout(() => setOutcome(null), CONFIRMATION_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      setOutcome('failed');
    }
  }

  return (
    <span className="copy">
      <Button variant="secondary" onClick={() => void copy()} aria-label={label} data-testid={testId}>
        {t('orga.campaigns.copy.button')}
      </Button>
      <span role="status" className="copy__status" data-testid={`${testId}-status`}>
        {outcome === 'copied' ? t('orga.campaigns.copy.done') : outcome === 'failed' ? t('orga.campaigns.copy.failed') : ''}
      </span>
    </span>
  );
}
