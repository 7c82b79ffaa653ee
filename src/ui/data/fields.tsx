import { useEffect, useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  min?: number;
  max?: number;
  step?: number;
  suffix?: string;
  disabled?: boolean;
  onCommit(value: number): void;
}

/** A number input that commits on Enter or when it loses focus (so typing does not reload the data). */
export function NumberField({ label, value, min, max, step, suffix, disabled, onCommit }: NumberFieldProps) {
  const id = useId();
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const n = Number(text);
    if (text.trim() !== '' && Number.isFinite(n) && n !== value) onCommit(n);
    else setText(String(value));
  };
  return (
    <div className="data-field data-field--inline">
      <label htmlFor={id}>{label}</label>
      <span className="data-number">
        <input
          id={id}
          type="number"
          value={text}
          min={min}
          max={max}
          step={step}
          disabled={disabled}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        {suffix && <span className="muted">{suffix}</span>}
      </span>
    </div>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange(value: T): void;
  hideLabel?: boolean;
}

/** A labelled select over a fixed set of values. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hideLabel,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="data-field data-field--inline">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
