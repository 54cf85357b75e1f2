import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: LightMyRequestResponse['headers'];
}

/**
 * A browser-like caller for `app.inject()`: it keeps the cookies it is given and sends
 * the CSRF header on writes, as the web app's HTTP client does.
 */
export class Agent {
  private cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  get csrf(): string | undefined {
    return this.cookies.get('jalon_csrf');
  }

  async request<T = unknown>(method: InjectOptions['method'], url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(String(method));
    const response = await this.app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(isWrite && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as InjectOptions['payload'] } : {}),
    });
    for (const c of response.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = response.body;
    let parsed: unknown = text;
    if ((response.headers['content-type'] ?? '').toString().includes('json') && text) parsed = JSON.parse(text);
    return { status: response.statusCode, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  put<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PUT', url, body ?? {});
  }
  patch<T = unknown>(url: string, body?: unknown) {
    return this.request<T>('PATCH', url, body ?? {});
  }
  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async signIn(login: string, password: string): Promise<Response> {
    const response = await this.post('/api/auth/sign-in', { login, password });
    if (response.status !== 200) throw new Error(`sign-in of ${login} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }
}

export function errorCodes(response: Response): string[] {
  const body = response.body as { errors?: { code: string }[] };
  return body.errors?.map((e) => e.code) ?? [];
}
