/** One error of the API's error body (`spec/README.md`, « Errors »). */
export interface ApiErrorItem {
  status: string;
  code: string;
  detail?: string;
  source?: { pointer: string };
  meta?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorItem[];
  /** The server's `Retry-After` in seconds (503 while its database is away, 429), when it gave one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(status: number, errors: ApiErrorItem[], retryAfterSeconds?: number) {
    super(errors.map((error) => error.code).join(', ') || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.errors = errors;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  hasCode(code: string): boolean {
    return this.errors.some((error) => error.code === code);
  }
}

const CSRF_COOKIE = 'jalon_csrf';

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const entry = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return entry === undefined ? undefined : decodeURIComponent(entry.slice(prefix.length));
}

function isErrorItem(value: unknown): value is ApiErrorItem {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

async function errorOf(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('retry-after') ?? Number.NaN);
  return new ApiError(response.status, await readErrors(response), Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined);
}

async function readErrors(response: Response): Promise<ApiErrorItem[]> {
  try {
    const body: unknown = await response.json();
    const errors = (body as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.every(isErrorItem)) return errors;
  } catch {
    // A proxy or a crash may answer with a non-JSON body: fall through to a generic error.
  }
  return [{ status: String(response.status), code: response.status >= 500 ? 'INTERNAL_ERROR' : 'UNKNOWN_ERROR' }];
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = readCookie(CSRF_COOKIE);
    if (token !== undefined) headers['x-csrf-token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, [{ status: '0', code: 'NETWORK_ERROR' }]);
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A file the API answered with, as the browser will save it. */
export interface DownloadedFile {
  blob: Blob;
  /** From `content-disposition` (its UTF-8 `filename*` when present). */
  fileName: string | null;
  headers: Headers;
}

function fileNameOf(disposition: string | null): string | null {
  if (disposition === null) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!);
    } catch {
      // A malformed escape: fall back to the plain name below.
    }
  }
  return /filename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
}

/** A POST whose answer is a file built from the request body (a GET link cannot carry one). */
async function requestFile(path: string, body: unknown): Promise<DownloadedFile> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = readCookie(CSRF_COOKIE);
  if (token !== undefined) headers['x-csrf-token'] = token;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, [{ status: '0', code: 'NETWORK_ERROR' }]);
  }
  if (!response.ok) throw await errorOf(response);
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')), headers: response.headers };
}

/** The only way the web app talks to the API: same-origin cookies, CSRF header on writes. */
export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T = void>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T = void>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T = void>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  postForFile: (path: string, body: unknown) => requestFile(path, body),
};

/** `?a=1&b=x`, lists as repeated keys (`?divisions=3A&divisions=3B`) as the API reads them; empty values are left out. */
export function query(params: Record<string, string | number | readonly string[] | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of [value].flat()) if (item !== undefined && item !== null && item !== '') search.append(key, String(item));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Sends a file as the raw request body (no multipart: the API reads the bytes as they are).
 * XMLHttpRequest rather than fetch, because only it reports upload progress for the bar.
 */
export function uploadFile<T>(path: string, file: Blob, onProgress: (share: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    const token = readCookie(CSRF_COOKIE);
    if (token !== undefined) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, [{ status: '0', code: 'NETWORK_ERROR' }]));
    xhr.onload = () => {
      const response = new Response(xhr.responseText === '' ? null : xhr.responseText, { status: xhr.status });
      if (xhr.status < 200 || xhr.status >= 300) {
        void readErrors(response).then((errors) => reject(new ApiError(xhr.status, errors)));
        return;
      }
      resolve((xhr.responseText === '' ? undefined : JSON.parse(xhr.responseText)) as T);
    };
    xhr.send(file);
  });
}
