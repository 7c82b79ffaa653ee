import { useState } from 'react';
import type { PublishOutcome } from '../../publish/flow';
import type { Snippet } from '../../publish/snippets';

function CopyButton({ text, what }: { text: string; what: string }) {
  const [done, setDone] = useState<'copied' | 'failed' | null>(null);
  return (
    <button
      type="button"
      className="publish__copy"
      aria-label={`Copy ${what}`}
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setDone('copied'),
          () => setDone('failed'),
        )
      }
    >
      {done === 'copied' ? 'Copied' : done === 'failed' ? 'Select and copy' : 'Copy'}
    </button>
  );
}

function SnippetBlock({ snippet, expected }: { snippet: Snippet; expected: number[] | null }) {
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
          Answer computed in this browser for this sample:{' '}
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
  if (!p) return <p className="publish__parity publish__parity--failed">{outcome.parityError}</p>;
  const diff = p.maxAbsDiff.toExponential(2);
  const from = `${p.samples} ${p.source === 'test split' ? 'test samples' : 'generated inputs'}`;
  return (
    <p
      className={`publish__parity publish__parity--${p.status}`}
      role={p.status === 'failed' ? 'alert' : 'status'}
    >
      <strong>{p.status === 'ok' ? 'parity ok' : 'parity failed'}</strong>: the served version and this
      browser differ by at most {diff} on {from} (tolerance {p.tolerance}).
      {p.status === 'failed' && ' The served model does not answer like the browser; it was not labelled.'}
      {outcome.parityError && ` ${outcome.parityError}`}
    </p>
  );
}

/** What a publish achieved: version, REST URL, parity verdict, label, and the snippets with copy buttons. */
export function PublishResult({ outcome }: { outcome: PublishOutcome }) {
  const { published } = outcome;
  return (
    <div className="publish__result">
      <p className="publish__version">
        Published <strong>{published.model}</strong> version{' '}
        <strong data-testid="published-version">{published.version}</strong>
      </p>
      <p className="publish__url">
        REST URL: <code data-testid="rest-url">{published.urls.predict}</code>{' '}
        <CopyButton text={published.urls.predict} what="REST URL" />
      </p>
      <ParityLine outcome={outcome} />
      {outcome.labelled && (
        <p>
          Label <strong>{outcome.labelled}</strong> now points at version {published.version}.
        </p>
      )}
      {outcome.labelNote && <p className="publish__note">{outcome.labelNote}</p>}
      {outcome.snippets.map((s) => (
        <SnippetBlock key={s.id} snippet={s} expected={s.id === 'curl' ? outcome.expected : null} />
      ))}
    </div>
  );
}
