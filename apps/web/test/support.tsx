import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, vi } from 'vitest';
import '../src/i18n';
import { AppProviders } from '../src/app/AppProviders';
import { AppRoutes } from '../src/app/AppRoutes';
import type { Me } from '../src/api/types';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (method: string, path: string, body: unknown) => FakeResponse | undefined;

/** Replaces fetch with a list of routes; records every call so tests can assert on headers and bodies. */
export function fakeApi(...routes: Route[]) {
  const calls: { method: string; path: string; body: unknown; headers: Record<string, string>; credentials?: RequestCredentials }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body, headers: (init?.headers ?? {}) as Record<string, string>, credentials: init?.credentials });
    for (const route of routes) {
      const response = route(method, path, body);
      if (response) {
        return new Response(response.body === undefined ? null : JSON.stringify(response.body), {
          status: response.status,
          headers: { 'content-type': 'application/json', ...response.headers },
        });
      }
    }
    return new Response(JSON.stringify({ errors: [{ status: '404', code: 'ROUTE_NOT_FOUND' }] }), { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

export const on =
  (method: string, path: string | RegExp, response: FakeResponse | ((body: unknown) => FakeResponse)): Route =>
  (m, p, body) => {
    const matches = typeof path === 'string' ? p === path : path.test(p);
    if (m !== method || !matches) return undefined;
    return typeof response === 'function' ? response(body) : response;
  };

export const errorBody = (status: number, code: string, extra: Record<string, unknown> = {}) => ({
  status,
  body: { errors: [{ status: String(status), code, detail: code, ...extra }] },
});

export function renderAt(path: string): void {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProviders client={client}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
}

export const ORGANIZATION_ID = '11111111-1111-4111-8111-111111111111';

export function aMe(overrides: Partial<Me> = {}, role: 'ADMIN' | 'MEMBER' = 'ADMIN'): Me {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    firstName: 'Alice',
    lastName: 'Martin',
    email: 'alice@example.org',
    username: null,
    lang: 'fr',
    mustChangePassword: false,
    termsAcceptedAt: '2026-01-01T00:00:00.000Z',
    orgaTermsAcceptedAt: '2026-01-01T00:00:00.000Z',
    isPlatformAdmin: false,
    currentOrganizationId: ORGANIZATION_ID,
    memberships: [
      {
        id: '33333333-3333-4333-8333-333333333333',
        role,
        organization: {
          id: ORGANIZATION_ID,
          name: 'Collège Victor-Hugo',
          type: 'SCO',
          documentationUrl: 'https://example.org/jalon',
          isManagingStudents: true,
          features: ['CERTIFICATION_RESULTS'],
        },
      },
    ],
    ...overrides,
  };
}
