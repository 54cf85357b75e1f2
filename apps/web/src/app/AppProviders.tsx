import { useState } from 'react';
import type { ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { ME_KEY } from '../features/shared/session/useMe';

/** A server whose database is away says so (503 with `Retry-After`) and comes back by itself: wait for it a little longer. */
const READ_ATTEMPTS_WHILE_UNAVAILABLE = 6;
const READ_ATTEMPTS = 3;
const MAX_RETRY_DELAY_MS = 30_000;

/** A 4xx answer will not change on retry; only network and server failures are retried. */
export function retryRead(failureCount: number, error: Error): boolean {
  if (!(error instanceof ApiError)) return failureCount < READ_ATTEMPTS - 1;
  if (error.status >= 400 && error.status < 500) return false;
  return failureCount < (error.status === 503 ? READ_ATTEMPTS_WHILE_UNAVAILABLE : READ_ATTEMPTS) - 1;
}

/** The server's `Retry-After` when it gave one, else a doubling pause from 1 s. */
export function retryReadDelay(failureCount: number, error: Error): number {
  const asked = error instanceof ApiError ? error.retryAfterSeconds : undefined;
  return Math.min(asked !== undefined ? asked * 1000 : 1000 * 2 ** failureCount, MAX_RETRY_DELAY_MS);
}

function makeQueryClient(): QueryClient {
  // A session that expired (or was revoked elsewhere) shows up as UNAUTHENTICATED on any call:
  // forgetting the user lets the route guards send them to the sign-in page of their space.
  const forgetUserWhenSignedOut = (error: unknown) => {
    if (error instanceof ApiError && error.hasCode('UNAUTHENTICATED')) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: forgetUserWhenSignedOut }),
    mutationCache: new MutationCache({ onError: forgetUserWhenSignedOut }),
    defaultOptions: {
      queries: {
        retry: retryRead,
        retryDelay: retryReadDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}

export function AppProviders({ children, client }: { children: ReactNode; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeQueryClient());
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
