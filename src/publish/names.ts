/** The endpoint's naming rules (SERVING.md) and the suggestions the dialog makes. */

/** Model names the endpoint accepts. */
export const MODEL_NAME_RE = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Labels the endpoint accepts. */
export const LABEL_RE = /^[a-zA-Z0-9_]{1,63}$/;
/** The labels the versions panel offers. */
export const LABELS = ['stable', 'canary'] as const;

/** Why `name` is not a valid model name, or null when it is. */
export function modelNameProblem(name: string): string | null {
  if (name.length === 0) return 'Enter a model name.';
  if (name.length > 63) return 'A model name has at most 63 characters.';
  if (!/^[a-z0-9]/.test(name)) return 'A model name starts with a lowercase letter or a digit.';
  if (!MODEL_NAME_RE.test(name))
    return 'Use lowercase letters, digits, "-" and "_" only (no spaces, dots, slashes or colons).';
  return null;
}

/** A valid model name made from a project name: "My MNIST model!" → "my-mnist-model". */
export function suggestModelName(projectName: string): string {
  const slug = projectName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 63)
    .replace(/[-_]+$/, '');
  return MODEL_NAME_RE.test(slug) ? slug : 'model';
}

/** Why `label` is not a valid label (empty = no label), or null. */
export function labelProblem(label: string): string | null {
  if (label === '' || LABEL_RE.test(label)) return null;
  return 'A label has 1–63 letters, digits or "_".';
}

/** The endpoint's base URL without a trailing slash; throws a sentence when it is not an http(s) URL. */
export function normaliseEndpoint(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`"${raw}" is not a URL: enter the endpoint's address, e.g. http://localhost:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Error('The endpoint must be an http:// or https:// address.');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
