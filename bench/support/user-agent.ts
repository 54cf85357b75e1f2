/** HTTP as a browser user: one cookie jar per user, the CSRF cookie echoed on writes, as the web client does. */

/** A request slower than this counts as an error, like autocannon's timeouts in bench:api. */
export const REQUEST_TIMEOUT_MS = 30_000;

export class HttpError extends Error {
  constructor(
    readonly label: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(`${label} answered ${status} ${code}`);
  }

  /** How the error tables name it: what was asked, the status (0: no answer) and the code. */
  get kind(): string {
    return `${this.label} ${this.status} ${this.code}`;
  }
}

/** Failed requests by kind; every bench counts its errors this way. */
export class ErrorTally {
  total = 0;
  readonly kinds = new Map<string, number>();

  add(error: HttpError): void {
    this.total++;
    this.kinds.set(error.kind, (this.kinds.get(error.kind) ?? 0) + 1);
  }

  describe(): string {
    return [...this.kinds].map(([kind, count]) => `${kind} ×${count}`).join(', ');
  }
}

/** Told of every request that got a 2xx answer, with its label and its latency in ms (body read). */
export type TimingObserver = (label: string, ms: number) => void;

let tagged = 0;

/**
 * The request id a tagged request sends in `x-request-id`, which the server adopts and logs:
 * its label with `_` for spaces, `--`, a number. The server's own timing of each request can
 * then be read from its log lines by label.
 */
function requestIdFor(label: string): string {
  return `${label.replace(/[^\w-]+/g, '_')}--${++tagged}`;
}

/** The label of a tagged request, from the request id the server logged; null for other requests. */
export function labelOfRequestId(reqId: string): string | null {
  const end = reqId.lastIndexOf('--');
  return end > 0 ? reqId.slice(0, end).replace(/_/g, ' ') : null;
}

export class UserAgent {
  private readonly cookies = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly observe?: TimingObserver,
    /** Sends each request's label in its `x-request-id` (`labelOfRequestId` reads it back). */
    private readonly tagRequests = false,
  ) {}

  /** The `cookie` header this user sends. */
  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async request<T>(method: 'GET' | 'POST', route: string, label: string, body?: unknown): Promise<T> {
    const text = await this.send(method, route, label, body, (response) => response.text());
    return JSON.parse(text) as T;
  }

  /**
   * A GET whose body is read by `consume` as it streams (a CSV export), within the same
   * timeout; an answer other than 2xx is an `HttpError` like any other.
   */
  download<T>(route: string, label: string, consume: (body: AsyncIterable<Uint8Array>) => Promise<T>): Promise<T> {
    return this.send('GET', route, label, undefined, (response) => consume(response.body as unknown as AsyncIterable<Uint8Array>));
  }

  private async send<T>(method: 'GET' | 'POST', route: string, label: string, body: unknown, read: (response: Response) => Promise<T>): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookieHeader() };
    if (this.tagRequests) headers['x-request-id'] = requestIdFor(label);
    const csrf = this.cookies.get('jalon_csrf');
    if (method === 'POST') {
      headers['content-type'] = 'application/json';
      if (csrf) headers['x-csrf-token'] = csrf;
    }
    const startedAt = performance.now();
    let response: Response;
    let result: T;
    try {
      response = await fetch(`${this.baseUrl}${route}`, {
        method,
        headers,
        body: method === 'POST' ? JSON.stringify(body ?? {}) : null,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      for (const cookie of response.headers.getSetCookie()) {
        const pair = cookie.split(';')[0] ?? '';
        const equals = pair.indexOf('=');
        if (equals > 0) this.cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
      }
      if (!response.ok) throw new HttpError(label, response.status, errorCode(await response.text()));
      result = await read(response);
    } catch (error) {
      if (error instanceof HttpError) throw error;
      // No answer, or the body cut short: the network, or the timeout (`TimeoutError`).
      throw new HttpError(label, 0, error instanceof Error ? error.name : 'NETWORK');
    }
    this.observe?.(label, performance.now() - startedAt);
    return result;
  }
}

function errorCode(text: string): string {
  try {
    return (JSON.parse(text) as { errors?: { code?: string }[] }).errors?.[0]?.code ?? 'UNKNOWN';
  } catch {
    // Not our JSON error shape (a proxy or a crash page): the status says enough.
    return 'UNKNOWN';
  }
}
