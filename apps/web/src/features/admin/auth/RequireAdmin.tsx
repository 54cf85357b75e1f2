import type { ReactNode } from 'react';
import { RequireSignedIn } from '../../shared/session/RequireSignedIn';
import { ForbiddenPage } from '../../shared/status-pages/ForbiddenPage';

export function RequireAdmin({ children }: { children: ReactNode }) {
  return (
    <RequireSignedIn signInPath="/admin/connexion">
      {(me) => (me.isPlatformAdmin ? children : <ForbiddenPage />)}
    </RequireSignedIn>
  );
}
