import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NestedLayer, ParamDef, ParamValue } from '../../graph';
import { checkParam, defaultsOf, getSpec } from '../../graph';
import { paramHelp, paramMessage } from '../graph-text';

interface Props {
  name: string;
  def: ParamDef;
  value: ParamValue;
  onChange(v: ParamValue): void;
}

/** Text for a value in a text field: lists as "3, 3", null as empty. */
function toText(v: ParamValue): string {
  if (Array.isArray(v)) return v.map((d) => (d === null ? 'None' : String(d))).join(', ');
  return v === null || v === undefined ? '' : String(v);
}

function parseText(def: ParamDef, text: string): unknown {
  const t = text.trim();
  if (def.kind === 'intList' && 'allowNone' in def) {
    // A shape: "None" (any case) or an empty entry between commas is an unknown size.
    // Keras' tuple notation works too: "(None, 28)" and "None," (one trailing comma closes a tuple).
    const u = t.replace(/^\(\s*|\s*\)$/g, '').replace(/,\s*$/, '');
    if (!u) return [];
    const parts = u.includes(',') ? u.split(',') : u.split(/[\s×x]+/);
    return parts.map((p) => {
      const q = p.trim();
      if (q === '' || /^none$/i.test(q)) return null;
      return /^-?\d+$/.test(q) ? Number(q) : Number.NaN;
    });
  }
  if (def.kind === 'intTuple' || def.kind === 'intList') {
    if (!t) return [];
    return t
      .split(/[\s,×x]+/)
      .filter(Boolean)
      .map((p) => (/^-?\d+$/.test(p) ? Number(p) : Number.NaN));
  }
  if (def.kind === 'optionalInt' && t === '') return null;
  if (t === '' || !/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(t)) return Number.NaN;
  return Number(t);
}

/** One inspector field generated from a param definition; validates as the person types. */
export function ParamField({ name, def, value, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState(toText(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(toText(value));
    setError(null);
  }, [value]);

  if (def.kind === 'bool')
    return (
      <label className="field field--check" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>{name}</span>
      </label>
    );
  if (def.kind === 'choice')
    return (
      <div className="field">
        <label htmlFor={id}>{name}</label>
        <select id={id} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {def.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {def.help && <small className="muted">{paramHelp(def.help)}</small>}
      </div>
    );
  if (def.kind === 'layer')
    return <NestedField name={name} def={def} value={value as NestedLayer} onChange={onChange} />;
  return (
    <div className="field">
      <label htmlFor={id}>{name}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseText(def, e.target.value);
          const problem = checkParam(name, def, parsed);
          setError(problem);
          if (!problem) onChange(parsed as ParamValue);
        }}
        onBlur={() => {
          if (error) {
            setText(toText(value));
            setError(null);
          }
        }}
      />
      {error ? (
        <small id={`${id}-err`} className="field__error" role="alert">
          {paramMessage(error)}
        </small>
      ) : (
        def.help && <small className="muted">{paramHelp(def.help)}</small>
      )}
    </div>
  );
}

function NestedField({
  name,
  def,
  value,
  onChange,
}: {
  name: string;
  def: Extract<ParamDef, { kind: 'layer' }>;
  value: NestedLayer;
  onChange(v: ParamValue): void;
}) {
  const id = useId();
  const { t } = useTranslation('inspector');
  const inner = getSpec(value.type);
  return (
    <fieldset className="field field--nested">
      <legend>{name}</legend>
      <label htmlFor={id}>{t('layer')}</label>

      <select
        id={id}
        value={value.type}
        onChange={(e) => {
          const spec = getSpec(e.target.value);
          onChange({ type: e.target.value, params: spec ? defaultsOf(spec.params) : {} });
        }}
      >
        {def.options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      {inner &&
        Object.entries(inner.params as Record<string, ParamDef>).map(([k, d]) => (
          <ParamField
            key={k}
            name={k}
            def={d}
            value={value.params[k] ?? (d.default as ParamValue)}
            onChange={(v) => onChange({ type: value.type, params: { ...value.params, [k]: v } })}
          />
        ))}
    </fieldset>
  );
}
