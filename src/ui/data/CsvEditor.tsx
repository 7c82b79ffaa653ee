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
const MISSING = [
  ['mean', 'fill: mean / most frequent'],
  ['mode', 'fill: most frequent value'],
  ['drop', 'drop the row'],
] as const;
const ENCODINGS = [
  ['onehot', 'one-hot'],
  ['index', 'index'],
] as const;
const NORMALISERS = [
  ['zscore', 'z-score (fitted on training rows)'],
  ['minmax', 'min–max (fitted on training rows)'],
  ['none', 'none'],
] as const;
const DELIMITERS = [
  [',', 'comma ,'],
  [';', 'semicolon ;'],
  ['\t', 'tab'],
  ['|', 'pipe |'],
] as const;

type Set = (patch: Partial<CsvOptions>) => void;

/** Column types and roles, reading options and preprocessing for an uploaded CSV. */
export function CsvEditor({ options, inspection, onChange }: Props) {
  const set: Set = (patch) => onChange({ ...options, ...patch });
  const setTarget = (j: number) =>
    set({
      columns: options.columns.map((c, k) => ({
        ...c,
        role: k === j ? 'target' : c.role === 'target' ? 'feature' : c.role,
      })),
    });
  const hasText = options.columns.some((c) => c.role === 'feature' && c.type === 'text');
  return (
    <fieldset className="data-group">
      <legend>Columns</legend>
      <SelectField
        label="Target column"
        value={String(options.columns.findIndex((c) => c.role === 'target'))}
        options={options.columns.map((c, j) => [String(j), c.name] as const)}
        onChange={(v) => setTarget(Number(v))}
      />
      <ColumnTable options={options} inspection={inspection} set={set} />
      <ReadingOptions options={options} set={set} />
      {hasText ? <TextOptions options={options} set={set} /> : <TableOptions options={options} set={set} />}
    </fieldset>
  );
}

function ColumnTable({
  options,
  inspection,
  set,
}: {
  options: CsvOptions;
  inspection?: CsvInspection;
  set: Set;
}) {
  const setColumn = (j: number, patch: { type?: ColumnType; role?: ColumnRole }) =>
    set({ columns: options.columns.map((c, k) => (k === j ? { ...c, ...patch } : c)) });
  return (
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
  );
}

function ReadingOptions({ options, set }: { options: CsvOptions; set: Set }) {
  const known = DELIMITERS.some(([d]) => d === options.delimiter);
  return (
    <>
      <div className="data-row">
        <SelectField
          label="Delimiter"
          value={options.delimiter}
          options={known ? DELIMITERS : [...DELIMITERS, [options.delimiter, options.delimiter]]}
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
        options={MISSING}
        onChange={(missing) => set({ missing })}
      />
    </>
  );
}

function TextOptions({ options, set }: { options: CsvOptions; set: Set }) {
  return (
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
  );
}

function TableOptions({ options, set }: { options: CsvOptions; set: Set }) {
  return (
    <>
      <SelectField
        label="Categories"
        value={options.encoding}
        options={ENCODINGS}
        onChange={(encoding) => set({ encoding })}
      />
      <SelectField
        label="Normalise"
        value={options.normalise}
        options={NORMALISERS}
        onChange={(normalise) => set({ normalise })}
      />
    </>
  );
}

function statsLine(inspection: CsvInspection | undefined, j: number): string | undefined {
  const s = inspection?.columns[j];
  if (!s) return undefined;
  const range =
    s.min !== undefined && s.inferred === 'numeric' ? `${fmt(s.min)}–${fmt(s.max!)}` : `${s.distinct} values`;
  return s.missing ? `${range} · ${s.missing} missing` : range;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toExponential(1) : String(Math.round(v * 100) / 100);
}
