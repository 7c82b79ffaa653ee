import type { ColumnRole, ColumnType, CsvInspection, CsvOptions } from '../../data';
import { NumberField, SelectField } from './fields';

interface Props {
  options: CsvOptions;
  inspection?: CsvInspection;
  onChange(options: CsvOptions): void;
}

const TYPES = [
  ['numeric', 'numeric'],
  ['categorical', 'categorical'],
  ['text', 'text'],
] as const;
const ROLES = [
  ['feature', 'feature'],
  ['target', 'target'],
  ['ignore', 'ignore'],
] as const;
const DELIMITERS = [
  [',', 'comma ,'],
  [';', 'semicolon ;'],
  ['\t', 'tab'],
  ['|', 'pipe |'],
] as const;

/** Column types and roles, reading options and preprocessing for an uploaded CSV. */
export function CsvEditor({ options, inspection, onChange }: Props) {
  const set = (patch: Partial<CsvOptions>) => onChange({ ...options, ...patch });
  const setColumn = (j: number, patch: { type?: ColumnType; role?: ColumnRole }) =>
    set({ columns: options.columns.map((c, k) => (k === j ? { ...c, ...patch } : c)) });
  const setTarget = (j: number) =>
    set({
      columns: options.columns.map((c, k) => ({
        ...c,
        role: k === j ? 'target' : c.role === 'target' ? 'feature' : c.role,
      })),
    });
  const targetIndex = options.columns.findIndex((c) => c.role === 'target');
  const hasText = options.columns.some((c) => c.role === 'feature' && c.type === 'text');
  return (
    <fieldset className="data-group">
      <legend>Columns</legend>
      <div className="data-row">
        <SelectField
          label="Target column"
          value={String(targetIndex)}
          options={options.columns.map((c, j) => [String(j), c.name] as const)}
          onChange={(v) => setTarget(Number(v))}
        />
      </div>
      <table className="data-columns">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Use as</th>
          </tr>
        </thead>
        <tbody>
          {options.columns.map((c, j) => (
            <tr key={c.name}>
              <th scope="row">
                <span className="data-colname" title={c.name}>
                  {c.name}
                </span>
                <span className="data-colstats">{statsLine(inspection, j)}</span>
              </th>
              <td>
                <SelectField
                  label={`Type of ${c.name}`}
                  hideLabel
                  value={c.type}
                  options={TYPES}
                  onChange={(type) => setColumn(j, { type })}
                />
              </td>
              <td>
                <SelectField
                  label={`Use of ${c.name}`}
                  hideLabel
                  value={c.role}
                  options={ROLES}
                  onChange={(role) => setColumn(j, { role })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="data-row">
        <SelectField
          label="Delimiter"
          value={options.delimiter}
          options={
            DELIMITERS.some(([d]) => d === options.delimiter)
              ? DELIMITERS
              : [...DELIMITERS, [options.delimiter, options.delimiter]]
          }
          onChange={(delimiter) => set({ delimiter })}
        />
        <label className="data-check">
          <input
            type="checkbox"
            checked={options.hasHeader}
            onChange={(e) => set({ hasHeader: e.target.checked })}
          />
          First row is a header
        </label>
      </div>
      <SelectField
        label="Missing values"
        value={options.missing}
        options={[
          ['mean', 'fill: mean (numbers), most frequent (others)'],
          ['mode', 'fill: most frequent value'],
          ['drop', 'drop the row'],
        ]}
        onChange={(missing) => set({ missing })}
      />
      {hasText ? (
        <div className="data-row">
          <NumberField
            label="Vocabulary"
            value={options.vocabSize}
            min={3}
            max={100000}
            onCommit={(v) => set({ vocabSize: Math.trunc(v) })}
          />
          <NumberField
            label="Tokens per text"
            value={options.seqLength}
            min={1}
            max={2000}
            onCommit={(v) => set({ seqLength: Math.trunc(v) })}
          />
        </div>
      ) : (
        <>
          <SelectField
            label="Categories"
            value={options.encoding}
            options={[
              ['onehot', 'one-hot'],
              ['index', 'index'],
            ]}
            onChange={(encoding) => set({ encoding })}
          />
          <SelectField
            label="Normalise"
            value={options.normalise}
            options={[
              ['zscore', 'z-score (fitted on training rows)'],
              ['minmax', 'min–max (fitted on training rows)'],
              ['none', 'none'],
            ]}
            onChange={(normalise) => set({ normalise })}
          />
        </>
      )}
    </fieldset>
  );
}

function statsLine(inspection: CsvInspection | undefined, j: number): string | undefined {
  const s = inspection?.columns[j];
  if (!s) return undefined;
  const range =
    s.min !== undefined && s.inferred === 'numeric' ? `${fmt(s.min)}–${fmt(s.max!)}` : `${s.distinct} values`;
  return `${range} · ${s.missing} missing`;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toExponential(1) : String(Math.round(v * 100) / 100);
}
