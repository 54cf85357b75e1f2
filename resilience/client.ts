import { Writable } from 'node:stream';

/**
 * A user of the API over real HTTP: one cookie jar, the CSRF cookie echoed on writes, as the
 * web client does. Every request has a bound, so a hung server fails the test instead of
 * holding it.
 */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  /** The first error code of an error body, when there is one. */
  code: string | undefined;
}

export class Client {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async send<T = unknown>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<Reply<T>> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') };
    const csrf = this.cookies.get('jalon_csrf');
    if (method === 'POST') {
      // A file goes up as raw bytes, as the web app uploads an import.
      headers['content-type'] = Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json';
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    const response = await fetch(`${this.baseUrl}${route}`, {
      method,
      headers,
      body: method === 'POST' ? (Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body ?? {})) : null,
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const pair = cookie.split(';')[0] ?? '';
      const equals = pair.indexOf('=');
      if (equals > 0) this.cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    const code = (parsed as { errors?: { code?: string }[] } | null)?.errors?.[0]?.code;
    return { status: response.status, headers: response.headers, body: parsed as T, code };
  }

  /** Like `send`, but anything other than a 2xx is an error. */
  async ok<T = unknown>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    const reply = await this.send<T>(method, route, body);
    if (reply.status < 200 || reply.status >= 300) throw new Error(`${method} ${route} answered ${reply.status} ${reply.code ?? ''}`);
    return reply.body;
  }

  /** Moves this user's session to another server address (the same server restarted on a new port). */
  at(baseUrl: string): Client {
    const moved = new Client(baseUrl, this.timeoutMs);
    for (const [name, value] of this.cookies) moved.cookies.set(name, value);
    return moved;
  }
}

/**
 * Where a started server's own output goes: kept in memory and printed only when a test
 * fails, so that the errors a drill provokes on purpose do not bury the run's report.
 */
export function serverLog(): { stream: NodeJS.WritableStream; tail(): string } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (lines.length > 200) lines.splice(0, lines.length - 200);
      done();
    },
  });
  return { stream, tail: () => lines.join('\n') };
}
