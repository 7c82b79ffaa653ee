/**
 * Text that comes from src/graph (which stays free of i18n) said in the UI's language: layer descriptions and
 * parameter help (namespace `layers`), shape errors by their code and values, and fix labels (namespace
 * `shapes`). In English the graph's own text is shown unchanged; in another language a text is translated only
 * when the English catalog still matches it, so a sentence changed in src/graph shows in English, never wrongly.
 */
import type { Fix, MessageCode } from '../graph';
import { i18n } from '../i18n';
import { en } from '../i18n/resources';

type Lookup = (key: string, values?: Record<string, unknown>) => string;
const t = (key: string, values?: Record<string, unknown>) => (i18n.t as unknown as Lookup)(key, values);
const isEnglish = () => !i18n.language || i18n.language.startsWith('en');

/** English help text → its catalog key (the same text may serve several layers). */
const helpKeys = new Map<string, string>();
for (const section of ['help', 'helpFor'] as const) {
  for (const [k, text] of Object.entries(en.layers[section])) {
    if (!helpKeys.has(text)) helpKeys.set(text, `layers:${section}.${k}`);
  }
}

/** A layer's description in the UI language. */
export function layerDescription(type: string, english: string): string {
  if (isEnglish()) return english;
  const known = (en.layers.description as Record<string, string>)[type];
  return known === english ? t(`layers:description.${type}`) : english;
}

/** A parameter's inspector help in the UI language. */
export function paramHelp(english: string | undefined): string | undefined {
  if (!english || isEnglish()) return english;
  const key = helpKeys.get(english);
  return key ? t(key) : english;
}

/** A one-click fix's label in the UI language, built from what the fix does. */
export function fixLabel(fix: Fix): string {
  if (isEnglish()) return fix.label;
  if (fix.kind === 'insertBefore') {
    const shape = fix.layer.params.targetShape;
    return Array.isArray(shape)
      ? t('shapes:fix.insertShape', { type: fix.layer.type, shape: shape.join(', ') })
      : t('shapes:fix.insert', { type: fix.layer.type });
  }
  const entries = Object.entries(fix.params);
  if (entries.length !== 1) return fix.label;
  const [name, value] = entries[0];
  if (value === null) return t('shapes:fix.clear', { name });
  const shown = Array.isArray(value)
    ? `[${value.join(', ')}]`
    : typeof value === 'string'
      ? `"${value}"`
      : value;
  return t('shapes:fix.set', { name, value: String(shown) });
}

/**
 * The inspector's parameter checks (src/graph `checkParam`), recognised by their fixed English wording: each
 * pattern's groups are the values of its catalog entry `shapes:param.<key>`.
 */
const PARAM_PATTERNS: [RegExp, string, string[]][] = [
  [/^(\S+) must be a whole number\. Received: (.*)$/s, 'wholeNumber', ['name', 'received']],
  [/^(\S+) must be at least (\S+)\. Received: (.*)$/s, 'atLeast', ['name', 'min', 'received']],
  [/^(\S+) must be at most (\S+)\. Received: (.*)$/s, 'atMost', ['name', 'max', 'received']],
  [/^(\S+) must be below (\S+)\. Received: (.*)$/s, 'below', ['name', 'max', 'received']],
  [/^(\S+) must be a number\. Received: (.*)$/s, 'number', ['name', 'received']],
  [/^(\S+) must be true or false\.$/, 'bool', ['name']],
  [/^(\S+) must be one of (.*)\. Received: (.*)$/s, 'oneOf', ['name', 'options', 'received']],
  [/^(\S+) must be one of (.*)\.$/, 'oneOfLayer', ['name', 'options']],
  [/^(\S+) needs (\d+) whole numbers\. Received: (.*)$/s, 'tuple', ['name', 'count', 'received']],
  [
    /^(\S+) values must be at least (\S+) \(or -1 once\)\. Received: (.*)$/s,
    'valuesAtLeastInfer',
    ['name', 'min', 'received'],
  ],
  [/^(\S+) values must be at least (\S+)\. Received: (.*)$/s, 'valuesAtLeast', ['name', 'min', 'received']],
  [/^(\S+) must be a whole number or empty\. Received: (.*)$/s, 'wholeOrEmpty', ['name', 'received']],
  [/^(\S+) must be a list of whole numbers, e\.g\. 28, 28, 1\.$/, 'list', ['name']],
  [/^(\S+) must be a list of whole numbers or None, e\.g\. None, 28\.$/, 'listNone', ['name']],
  [/^(\S+) needs exactly (\d+) numbers\.$/, 'exactly', ['name', 'count']],
  [/^(\S+) needs (\d+) to (\d+) numbers\. Received: (.*)$/s, 'between', ['name', 'min', 'max', 'received']],
  [/^(\S+) may contain at most one -1 \(the inferred dimension\)\.$/, 'oneInferred', ['name']],
  [
    /^A layer name starts with a letter and uses letters, digits, _ \. or - \(at most 63\)\.$/,
    'nameInvalid',
    [],
  ],
  [/^Another layer is already named "(.*)"\.$/, 'nameTaken', ['name']],
];

/** A parameter check's sentence in the UI language (unknown wording stays as it is). */
export function paramMessage(english: string): string {
  if (isEnglish()) return english;
  for (const [pattern, key, names] of PARAM_PATTERNS) {
    const m = pattern.exec(english);
    if (m) return t(`shapes:param.${key}`, Object.fromEntries(names.map((n, i) => [n, m[i + 1]])));
  }
  return english;
}

/** A node's problem in the UI language: by its code where it has one, else the graph's English sentence. */
export function shapeMessage(message: string, detail?: MessageCode, fix?: Fix): string {
  if (!isEnglish() && !detail) return paramMessage(message);
  if (isEnglish() || !detail || !i18n.exists(`shapes:${detail.code}`, { count: 1 })) return message;

  const values: Record<string, unknown> = { ...detail.values };
  if (typeof values.what === 'string' && i18n.exists(`shapes:what.${values.what}`))
    values.what = t(`shapes:what.${values.what}`);
  if (fix) values.fix = fixLabel(fix);
  if (typeof values.reason === 'string') values.reason = shapeMessage(values.reason, detail.cause, fix);
  return t(`shapes:${detail.code}`, values);
}
