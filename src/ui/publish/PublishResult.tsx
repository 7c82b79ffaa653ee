import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import type { PublishOutcome } from '../../publish/flow';
import type { Snippet } from '../../publish/snippets';

/** A note of the publish flow (src/publish words it in English) in the UI language. */
function noteText(note: string): string {
  if (i18n.language.startsWith('en')) return note;
  const label = /^Version (\d+) was not labelled "(.*)" because its parity check did not pass\.$/.exec(note);
  if (label) return i18n.t('publish:notes.notLabelled', { version: label[1], label: label[2] });
  const parity = /^The parity check could not run: (.*)$/s.exec(note);
  return parity ? i18n.t('publish:notes.parityCouldNotRun', { error: parity[1] }) : note;
}

function CopyButton({ text, what }: { text: string; what: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  const { t } = useTranslation('publish');
  return (
    <button
      type="button"
      className="publish__copy"
      aria-label={t('copyWhat', { what })}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setDone('copied'),
          () => setDone('failed'),
        )
      }
    >
      {done === 'copied' ? t('copied') : done === 'failed' ? t('selectAndCopy') : t('copy')}
    </button>
  );
}

function SnippetBlock({ snippet, expected }: { snippet: Snippet; expected: number[] | null }) {
  const { t } = useTranslation('publish');
  return (
    <section className="publish__snippet" aria-label={snippet.title}>
      <header>
        <h4>{snippet.title}</h4>
        <CopyButton text={snippet.code} what={snippet.title} />
      </header>
      {snippet.caption && <p className="publish__caption">{snippet.caption}</p>}
      <pre data-snippet={snippet.id}>{snippet.code}</pre>
      {expected && (
        <p className="publish__caption">
          {t('answerHere')}{' '}
          <code data-testid="expected-prediction">
            {JSON.stringify(expected.map((v) => Number(v.toPrecision(7))))}
          </code>
        </p>
      )}
    </section>
  );
}

function ParityLine({ outcome }: { outcome: PublishOutcome }) {
  const p = outcome.parity;
  const { t } = useTranslation('publish');
  if (!p)
    return <p className="publish__parity publish__parity--failed">{noteText(outcome.parityError ?? '')}</p>;
  const diff = p.maxAbsDiff.toExponential(2);
  const from = t(p.source === 'test split' ? 'testSamples' : 'generatedInputs', { count: p.samples });
  return (
    <p
      className={`publish__parity publish__parity--${p.status}`}
      role={p.status === 'failed' ? 'alert' : 'status'}
    >
      <strong>{p.status === 'ok' ? t('parityOk') : t('parityFailed')}</strong>
      {t('parityLine', { diff, from, tolerance: p.tolerance })}
      {p.status === 'failed' && t('notLabelled')}
      {outcome.parityError && ` ${outcome.parityError}`}
    </p>
  );
}

/** What a publish achieved: version, REST URL, parity verdict, label, and the snippets with copy buttons. */
export function PublishResult({ outcome }: { outcome: PublishOutcome }) {
  const { published } = outcome;
  const { t } = useTranslation('publish');
  return (
    <div className="publish__result">
      <p className="publish__version">
        {t('published')} <strong>{published.model}</strong> {t('version')}{' '}
        <strong data-testid="published-version">{published.version}</strong>
      </p>
      <p className="publish__url">
        {t('restUrlLabel')} <code data-testid="rest-url">{published.urls.predict}</code>{' '}
        <CopyButton text={published.urls.predict} what={t('restUrl')} />
      </p>
      <ParityLine outcome={outcome} />
      {outcome.labelled && (
        <p>
          {t('label')} <strong>{outcome.labelled}</strong> {t('labelPoints', { version: published.version })}
        </p>
      )}

      {outcome.labelNote && <p className="publish__note">{noteText(outcome.labelNote)}</p>}

      {outcome.snippets.map((s) => (
        <SnippetBlock key={s.id} snippet={s} expected={s.id === 'curl' ? outcome.expected : null} />
      ))}
    </div>
  );
}
