/**
 * The dataset–model check (src/data/check.ts) in the UI language: each issue by its code and values
 * (`data:checks.<code>`), and its fix named by the edit it makes. English shows the check's own sentences.
 */
import type { MessageCode } from '../../graph';
import { formatShape } from '../../graph';
import { i18n } from '../../i18n';
import { fixLabel } from '../graph-text';

type Lookup = (key: string, values?: Record<string, unknown>) => string;
const t = (key: string, values?: Record<string, unknown>) => (i18n.t as unknown as Lookup)(key, values);
const isEnglish = () => !i18n.language || i18n.language.startsWith('en');

function render(detail: MessageCode, english: string): string {
  if (!i18n.exists(`data:checks.${detail.code}`)) return english;
  const values: Record<string, unknown> = { ...detail.values };
  if (detail.cause) values.reason = render(detail.cause, english);
  return t(`data:checks.${detail.code}`, values);
}

/** An issue's sentence in the UI language. */
export function checkMessage(issue: { message: string; detail?: MessageCode }): string {
  return isEnglish() || !issue.detail ? issue.message : render(issue.detail, issue.message);
}

/** An issue's fix label in the UI language, from the parameters it sets. */
export function checkFixLabel(fix: { label: string; params: Record<string, unknown> }): string {
  if (isEnglish()) return fix.label;
  const p = fix.params;
  if (Array.isArray(p.shape)) {
    const shape = formatShape(p.shape as number[]);
    return / (int32|float32)$/.test(fix.label)
      ? t('data:checks.setInputDtype', { shape, dtype: p.dtype })
      : t('data:checks.setInput', { shape });
  }
  if (typeof p.units === 'number' && typeof p.activation === 'string')
    return t('data:checks.setDense', { units: p.units, activation: p.activation });
  return fixLabel({ kind: 'setParams', label: fix.label, params: p });
}
