/**
 * Errors from the serving endpoint, turned into sentences a person can act on. Every message ends by saying
 * that nothing was lost: the weights stay in this browser's IndexedDB and the action can be retried.
 */

/** What went wrong, so the UI can react (ask for a token, offer a retry …). */
export type EndpointErrorKind =
  | 'unreachable'
  | 'auth'
  | 'too-large'
  | 'rate-limited'
  | 'server'
  | 'invalid'
  | 'not-found'
  | 'conflict';

/** A refused or failed call to the serving endpoint, with a message for the person. */
export class EndpointError extends Error {
  constructor(
    readonly kind: EndpointErrorKind,
    message: string,
    readonly status: number | null = null,
    /** Seconds to wait before retrying (429), when known. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

const KEPT = 'Your weights are still saved in this browser; nothing was lost.';

/** The server's own `{"error": "..."}` message, or the raw text cut short. */
export function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.trim().slice(0, 200);
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** "268435456 bytes" in the server's 413 message → "256 MiB". */
function limitText(message: string): string | null {
  const match = /limit of (\d+) bytes/.exec(message) ?? /larger than (\d+) bytes/.exec(message);
  if (!match) return null;
  const bytes = Number(match[1]);
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

function retryText(seconds: number | null, fallback: string): string {
  if (seconds === null) return fallback;
  const at = new Date(Date.now() + seconds * 1000).toLocaleTimeString();
  return `Retry in ${seconds} s (at ${at}).`;
}

/** Maps an HTTP error response to an EndpointError; `action` names what was attempted ("Publishing"). */
export function errorFromResponse(
  status: number,
  body: string,
  retryAfter: string | null,
  action: string,
): EndpointError {
  const said = serverMessage(body);
  if (status === 401) {
    return new EndpointError(
      'auth',
      `${action} was refused: the token is missing or not valid (401). Enter the endpoint's token and try again. ${KEPT}`,
      status,
    );
  }
  if (status === 403) {
    return new EndpointError(
      'auth',
      `${action} was refused: this token may not do that (403: ${said}). Enter a token that may publish and try again. ${KEPT}`,
      status,
    );
  }
  if (status === 413) {
    const limit = limitText(said);
    const what = limit ? `the endpoint's limit is ${limit}` : `the endpoint said: ${said}`;
    return new EndpointError(
      'too-large',
      `The model is too large to publish: ${what}. Make the model smaller, or raise the limit on the server (MAX_WEIGHTS_BYTES / MAX_MODEL_JSON_BYTES). ${KEPT}`,
      status,
    );
  }
  if (status === 429) {
    const seconds = parseRetryAfter(retryAfter);
    const fallback = /per minute/.test(said) ? 'Retry in about a minute.' : 'Retry in a few seconds.';
    return new EndpointError(
      'rate-limited',
      `The endpoint is busy (429: ${said}). ${retryText(seconds, fallback)} ${KEPT}`,
      status,
      seconds,
    );
  }
  if (status >= 500) {
    const seconds = parseRetryAfter(retryAfter);
    return new EndpointError(
      'server',
      `The endpoint failed (${status}: ${said}). ${retryText(seconds, 'Try again in a moment.')} ${KEPT}`,
      status,
      seconds,
    );
  }
  if (status === 404) return new EndpointError('not-found', `${action} failed: ${said} (404).`, status);
  if (status === 409) return new EndpointError('conflict', `${action} was refused: ${said} (409).`, status);
  return new EndpointError('invalid', `${action} was refused (${status}): ${said}.`, status);
}

/** The error for a request that never got an answer (server down, wrong address, network). */
export function unreachable(endpoint: string, action: string): EndpointError {
  return new EndpointError(
    'unreachable',
    `${action} failed: the serving endpoint at ${endpoint} could not be reached. Check that the server is running (npm start) and the address is right, then try again. ${KEPT}`,
  );
}
