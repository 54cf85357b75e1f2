import { useContext, useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SpaceContext } from './spaceContext';

/** The first page of a visit keeps the browser's natural focus, so the skip link stays the first Tab stop. */
let hasNavigated = false;

interface PageProps {
  title: string;
  /** Visible heading when it differs from the document title (e.g. a greeting). */
  heading?: ReactNode;
  children?: ReactNode;
  testId?: string;
}

/**
 * Every page goes through here: one <h1>, a document title in the current language, and focus
 * on the heading after an in-app navigation so screen-reader users hear where they landed.
 */
export function Page({ title, heading, children, testId }: PageProps) {
  const { t } = useTranslation();
  const space = useContext(SpaceContext);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('common.documentTitle', { page: title, space: t(space) });
  }, [t, title, space]);

  useEffect(() => {
    if (hasNavigated) headingRef.current?.focus({ preventScroll: true });
    hasNavigated = true;
  }, []);

  return (
    <div className="page" data-testid={testId}>
      <h1 ref={headingRef} tabIndex={-1} className="page__title">
        {heading ?? title}
      </h1>
      {children}
    </div>
  );
}
