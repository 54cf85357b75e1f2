import type { ReactNode } from 'react';

export function Notice({ children, tone = 'info', testId }: { children: ReactNode; tone?: 'info' | 'success'; testId?: string }) {
  return (
    <div className={`alert alert--${tone}`} role="status" data-testid={testId}>
      {children}
    </div>
  );
}
