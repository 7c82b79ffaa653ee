/**
 * An error that becomes an HTTP response `{"error": message}` with `status` (and `headers`, e.g. Retry-After).
 * Messages never carry paths.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** An HttpError (429 or 503) with `Retry-After: <seconds>`, rounded up to a whole second, at least 1. */
export function retryLater(status: 429 | 503, message: string, afterMs: number): HttpError {
  const seconds = Math.max(1, Math.ceil(afterMs / 1000));
  return new HttpError(status, message, { 'retry-after': String(seconds) });
}

/** Narrows unknown JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
