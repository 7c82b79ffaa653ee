/**
 * What the studio remembers about publishing: the endpoint's token (taken once from the start-up URL
 * `?token=…`, then kept in IndexedDB `meta`) and, per project, the last model name, endpoint and label.
 */
import { getDb } from '../storage/db';

/** A small key-value store; IndexedDB `meta` in the studio, a Map in tests. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
}

/** The studio's IndexedDB `meta` store. */
export const idbMeta: KeyValue = {
  async get(key) {
    return (await getDb()).get('meta', key);
  },
  async set(key, value) {
    await (await getDb()).put('meta', value, key);
  },
};

const tokenKey = (endpoint: string) => `publish:token:${endpoint}`;
const prefsKey = (projectId: string | null) => `publish:prefs:${projectId ?? 'unsaved'}`;

/** The token remembered for `endpoint`, or ''. */
export async function loadToken(endpoint: string, store: KeyValue = idbMeta): Promise<string> {
  const value = await store.get(tokenKey(endpoint));
  return typeof value === 'string' ? value : '';
}

/** Remembers the token for `endpoint`. */
export async function saveToken(endpoint: string, token: string, store: KeyValue = idbMeta): Promise<void> {
  await store.set(tokenKey(endpoint), token);
}

/** The location and history a page has (window's, or a stand-in in tests). */
export interface PageUrl {
  location: { href: string; origin: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
}

/**
 * Reads `?token=` from the start-up URL, removes it from the address bar (history.replaceState, so it is
 * neither bookmarked nor left in the history) and remembers it for this origin. Returns the token or null.
 */
export async function captureStartupToken(
  page: PageUrl = window,
  store: KeyValue = idbMeta,
): Promise<string | null> {
  const url = new URL(page.location.href);
  const token = url.searchParams.get('token');
  if (!token) return null;
  url.searchParams.delete('token');
  page.history.replaceState(page.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  await saveToken(page.location.origin, token, store);
  return token;
}

/** The dialog's remembered choices for one project. */
export interface PublishPrefs {
  name: string;
  endpoint: string;
  label: string;
}

/** The remembered choices for a project, or null. */
export async function loadPrefs(
  projectId: string | null,
  store: KeyValue = idbMeta,
): Promise<PublishPrefs | null> {
  const value = (await store.get(prefsKey(projectId))) as PublishPrefs | undefined;
  return value && typeof value.name === 'string' ? value : null;
}

/** Remembers the dialog's choices for a project. */
export async function savePrefs(
  projectId: string | null,
  prefs: PublishPrefs,
  store: KeyValue = idbMeta,
): Promise<void> {
  await store.set(prefsKey(projectId), prefs);
}
