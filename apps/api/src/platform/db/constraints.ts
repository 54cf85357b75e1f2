/** True when `error` (or what it wraps) is a violation of the named unique constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (e.code === '23505' && (e.constraint === constraint || (typeof e.message === 'string' && e.message.includes(`"${constraint}"`)))) {
      return true;
    }
    current = e.cause;
  }
  return false;
}
