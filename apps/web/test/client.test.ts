import { afterEach, describe, expect, it } from 'vitest';
import { api, ApiError } from '../src/api/client';
import { retryRead, retryReadDelay } from '../src/app/AppProviders';
import { errorBody, fakeApi, on } from './support';

afterEach(() => {
  document.cookie = 'jalon_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

describe('api client', () => {
  it('sends the jalon_csrf cookie value as x-csrf-token on writes, with same-origin credentials', async () => {
    document.cookie = 'jalon_csrf=abc123';
    const calls = fakeApi(on('POST', '/api/auth/sign-out', { status: 204 }));
    await api.post('/api/auth/sign-out');
    expect(calls[0]?.headers['x-csrf-token']).toBe('abc123');
    expect(calls[0]?.credentials).toBe('same-origin');
  });

  it('sends no CSRF header on reads', async () => {
    document.cookie = 'jalon_csrf=abc123';
    const calls = fakeApi(on('GET', '/api/health', { status: 200, body: { status: 'ok' } }));
    await expect(api.get('/api/health')).resolves.toEqual({ status: 'ok' });
    expect(calls[0]?.headers['x-csrf-token']).toBeUndefined();
  });

  it('throws an ApiError carrying the parsed error list', async () => {
    fakeApi(on('POST', '/api/auth/sign-in', errorBody(401, 'INVALID_CREDENTIALS', { meta: { remainingAttempts: 3 } })));
    const error = await api.post('/api/auth/sign-in', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).errors[0]?.meta).toEqual({ remainingAttempts: 3 });
  });

  it('keeps the Retry-After the server gives with a 503, so reads wait as long as it asks', async () => {
    fakeApi(on('GET', '/api/me', { ...errorBody(503, 'SERVICE_UNAVAILABLE'), headers: { 'retry-after': '5' } }));
    const error = await api.get('/api/me').catch((caught: unknown) => caught);
    expect((error as ApiError).status).toBe(503);
    expect((error as ApiError).retryAfterSeconds).toBe(5);
  });
});

describe('reads retried after a failure', () => {
  const unavailable = new ApiError(503, [{ status: '503', code: 'SERVICE_UNAVAILABLE' }], 5);
  const refused = new ApiError(403, [{ status: '403', code: 'FORBIDDEN' }]);
  const network = new ApiError(0, [{ status: '0', code: 'NETWORK_ERROR' }]);

  it('never retries a 4xx, retries the network twice and a database outage five times', () => {
    expect(retryRead(0, refused)).toBe(false);
    expect([0, 1, 2].map((count) => retryRead(count, network))).toEqual([true, true, false]);
    expect([0, 4, 5].map((count) => retryRead(count, unavailable))).toEqual([true, true, false]);
  });

  it("waits the server's Retry-After, else doubles from 1 s, never beyond 30 s", () => {
    expect(retryReadDelay(0, unavailable)).toBe(5_000);
    expect([0, 1, 2].map((count) => retryReadDelay(count, network))).toEqual([1_000, 2_000, 4_000]);
    expect(retryReadDelay(9, network)).toBe(30_000);
    expect(retryReadDelay(0, new ApiError(503, [], 3600))).toBe(30_000);
  });
});
