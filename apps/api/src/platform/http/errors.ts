import { ERROR_STATUS, type ApiError, type ErrorCode } from '@jalon/contracts';

export interface AppErrorItem {
  code: ErrorCode;
  detail?: string;
  /** JSON pointer into the request body, e.g. `/email`. */
  pointer?: string;
  meta?: Record<string, unknown>;
}

/**
 * The one error type of the API. Domain rules throw it with a stable code; the table in
 * `@jalon/contracts` gives the HTTP status, so no route decides a status by itself.
 */
export class AppError extends Error {
  readonly items: AppErrorItem[];
  readonly headers: Record<string, string>;

  constructor(code: ErrorCode, options: Omit<AppErrorItem, 'code'> & { headers?: Record<string, string> } = {}) {
    super(options.detail ?? code);
    this.name = 'AppError';
    this.items = [{ code, ...withoutHeaders(options) }];
    this.headers = options.headers ?? {};
  }

  static many(items: AppErrorItem[]): AppError {
    const [first, ...rest] = items;
    if (!first) throw new Error('AppError.many needs at least one item');
    const error = new AppError(first.code, first);
    error.items.push(...rest);
    return error;
  }

  get code(): ErrorCode {
    return this.items[0]!.code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

function withoutHeaders<T extends { headers?: unknown }>(options: T): Omit<T, 'headers'> {
  const { headers: _headers, ...rest } = options;
  return rest;
}

export function toApiError(item: AppErrorItem): ApiError {
  return {
    status: String(ERROR_STATUS[item.code]),
    code: item.code,
    detail: item.detail ?? item.code,
    ...(item.pointer !== undefined ? { source: { pointer: item.pointer } } : {}),
    ...(item.meta ? { meta: item.meta } : {}),
  };
}
