import { useState } from 'react';
import type { ReactNode } from 'react';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { ME_KEY } from '../features/shared/session/useMe';

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
        // A 4xx answer will not change on retry; only network and server failures are retried.
        retry: (failureCount, error) => failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
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
