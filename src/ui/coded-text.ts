/**
 * Sentences that code outside the UI raises as a code and values (the data loaders' `DataError`, the training
 * engine's `ObjectiveError`: those parts have no i18n), said in the UI language. A value that is a list of other
 * codes is said in the same language and joined; a game id (`env`) brings the game's name, what it observes and
 * its actions from the `play` catalog.
 */
import { i18n } from '../i18n';

/** A sentence as a code of catalog `ns` and its values. */
export interface CodedText {
  code: string;
  values?: Record<string, string | number | CodedText[]>;
}

type Lookup = (key: string, values?: Record<string, unknown>) => string;

/** The sentence of `detail` from catalog `ns`, in language `lng` (the UI language by default). */
export function codedSentence(ns: string, detail: CodedText, lng?: string): string {
  const t = (lng ? i18n.getFixedT(lng) : i18n.t) as unknown as Lookup;
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(detail.values ?? {}))
    values[name] = Array.isArray(value) ? joined(ns, value, lng) : value;
  if (typeof values.env === 'string') {
    values.game = t(`play:games.${values.env}`);
    values.observation = t(`play:observation.${values.env}`);
    values.actions = t(`play:actions.${values.env}`);
  }
  return t(`${ns}:${detail.code}`, values);
}

function joined(ns: string, parts: CodedText[], lng?: string): string {
  const separator = (lng ?? i18n.language).startsWith('zh') ? '，' : ', ';
  return parts.map((p) => codedSentence(ns, p, lng)).join(separator);
}

/** The English sentence as it is in English, else its translation (when it has a code). */
export function codedText(ns: string, problem: { message: string; detail?: CodedText }): string {
  const english = !i18n.language || i18n.language.startsWith('en');
  if (english || !problem.detail) return problem.message;
  return codedSentence(ns, problem.detail);
}
