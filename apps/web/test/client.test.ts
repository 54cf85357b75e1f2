import { afterEach, describe, expect, it } from 'vitest';
import { api, ApiError } from '../src/api/client';
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
});
