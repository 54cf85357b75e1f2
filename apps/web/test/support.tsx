import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, vi } from 'vitest';
import '../src/i18n';
import { AppProviders } from '../src/app/AppProviders';
import { AppRoutes } from '../src/app/AppRoutes';
import type { Campaign, Candidate, Sitting } from '@jalon/contracts';
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

export const SITTING_ID = '44444444-4444-4444-8444-444444444444';

/** A certification sitting of the organization, not yet started. */
export function aSitting(overrides: Partial<Sitting> = {}): Sitting {
  return {
    id: SITTING_ID,
    number: 12,
    address: '12 rue des Écoles, Dijon',
    room: 'CDI',
    date: '2027-03-18',
    time: '09:00',
    invigilatorName: 'Mme Roux',
    accessCode: 'KX7P4Q',
    status: 'created',
    candidateCount: 1,
    finalizedAt: null,
    finalizationComment: null,
    publishedAt: null,
    createdAt: '2027-02-01T08:00:00.000Z',
    ...overrides,
  };
}

/** A campaign of the organization as its page reads it, that the signed-in member may manage. */
export function aCampaign(overrides: Partial<Campaign> = {}): Campaign {
  const owner = { id: aMe().id, firstName: 'Alice', lastName: 'Martin' };
  return {
    id: '44444444-4444-4444-8444-444444444444',
    organizationId: ORGANIZATION_ID,
    type: 'ASSESSMENT',
    name: 'Arts 4e B',
    code: 'ABCDEF234',
    directLink: 'http://jalon.test/campagnes/ABCDEF234',
    targetProfile: { id: 'tp-arts', name: 'Arts plastiques cycle 4' },
    title: null,
    customLandingPageText: null,
    customResultPageText: null,
    customResultPageButtonText: null,
    customResultPageButtonUrl: null,
    externalIdLabel: null,
    externalIdType: null,
    multipleSendings: false,
    owner,
    creator: owner,
    createdAt: '2026-03-01T10:00:00.000Z',
    archivedAt: null,
    participantCount: 0,
    sharedCount: 0,
    canManage: true,
    ...overrides,
  };
}

/** A candidate enrolled in a sitting, certifiable and not started. */
export function aCandidate(id: string, lastName: string, fields: Partial<Candidate> = {}): Candidate {
  return {
    id,
    firstName: 'Élève',
    lastName,
    birthdate: '2010-03-14',
    birthCity: 'Dijon',
    birthCountry: 'France',
    externalId: null,
    extraTimePercentage: 0,
    accessibilityAdjustmentNeeded: false,
    organizationLearnerId: null,
    division: '3A',
    eligibility: 'CERTIFIABLE',
    hasStarted: false,
    ...fields,
  };
}
