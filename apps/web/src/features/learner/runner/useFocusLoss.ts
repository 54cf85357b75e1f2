import { useEffect, useState } from 'react';

/**
 * For a « Mode focus » challenge: true once the learner left the page (another tab, another
 * window). Moving into the challenge's own embedded frame also blurs the window, so that one
 * is not counted.
 */
export function useFocusLoss(active: boolean): boolean {
  const [left, setLeft] = useState(false);
  useEffect(() => {
    if (!active) return;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') setLeft(true);
    };
    const onBlur = () => {
      // The frame receives the focus just after the window loses it.
      window.setTimeout(() => {
        if (!(document.activeElement instanceof HTMLIFrameElement)) setLeft(true);
      }, 0);
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('blur', onBlur);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('blur', onBlur);
    };
  }, [active]);
  return left;
}
