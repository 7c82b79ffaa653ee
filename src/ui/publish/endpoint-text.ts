/**
 * The serving endpoint's errors in the UI language. src/publish words them in English (tests and scripts read
 * those); here a known error is said again by its kind and HTTP status from the catalog (`publish:errors`), and
 * anything else keeps its own message.
 */
import { i18n } from '../../i18n';
import { EndpointError } from '../../publish';

type Lookup = (key: string, values?: Record<string, unknown>) => string;
const t = (key: string, values?: Record<string, unknown>) =>
  (i18n.t as unknown as Lookup)(`publish:errors.${key}`, values);

/** Sentences joined as the language writes them (Chinese puts no space after 。). */
const join = (...parts: string[]) => parts.join(i18n.language.startsWith('zh') ? '' : ' ');

function retry(e: EndpointError): string {
  return e.retryAfterSeconds === null ? t('retryLater') : t('retryIn', { seconds: e.retryAfterSeconds });
}

/** The sentence for an error from publishing or the versions panel, in the UI language. */
export function endpointErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (!(e instanceof EndpointError) || !i18n.language || i18n.language.startsWith('en')) return message;
  const kept = t('kept');
  switch (e.kind) {
    case 'unreachable': {
      const endpoint = /at (\S+) could not be reached/.exec(message)?.[1] ?? '';
      return join(t('unreachable', { endpoint }), kept);
    }
    case 'auth':
      return join(t(e.status === 403 ? 'forbidden' : 'unauthorized'), kept);
    case 'too-large':
      return join(t('tooLarge'), kept);
    case 'rate-limited':
      return join(t('rateLimited'), retry(e), kept);
    case 'server':
      return join(t('server', { status: e.status ?? '' }), retry(e), kept);
    case 'not-found':
      return join(t('notFound'), t('serverSaid', { said: message }));
    case 'conflict':
      return join(t('conflict'), t('serverSaid', { said: message }));
    default:
      return join(t('invalid', { status: e.status ?? '' }), t('serverSaid', { said: message }));
  }
}
