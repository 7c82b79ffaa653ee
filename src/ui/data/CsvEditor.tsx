import { useTranslation } from 'react-i18next';
import type { ColumnRole, ColumnType, CsvInspection, CsvOptions } from '../../data';
import { i18n } from '../../i18n';
import { NumberField, SelectField } from './fields';

interface Props {
  options: CsvOptions;
  inspection?: CsvInspection;
  onChange(options: CsvOptions): void;
}

const TYPES = ['numeric', 'categorical', 'text'] as const;
const ROLES = ['feature', 'target', 'ignore'] as const;
const MISSING = ['mean', 'mode', 'drop'] as const;
const ENCODINGS = ['onehot', 'index'] as const;
const NORMALISERS = ['zscore', 'minmax', 'none'] as const;
const DELIMITERS = [
  [',', 'comma'],
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'pipe'],
] as const;

/** `[value, label]` pairs for a select, the labels from the catalog group `data:csv.<group>`. */
function choices<V extends string>(values: readonly V[], group: string): (readonly [V, string])[] {
  return values.map((v) => [v, i18n.t(`data:csv.${group}.${v}` as never)] as const);
}

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
  const { t } = useTranslation('data');
  return (
    <fieldset className="data-group">
      <legend>{t('csv.columns')}</legend>
      <SelectField
        label={t('csv.targetColumn')}
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
  const { t } = useTranslation('data');
  return (
    <table className="data-columns">
      <thead>
        <tr>
          <th scope="col">{t('csv.column')}</th>
          <th scope="col">{t('csv.type')}</th>
          <th scope="col">{t('csv.useAs')}</th>
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
                label={t('csv.typeOf', { name: c.name })}
                hideLabel
                value={c.type}
                options={choices(TYPES, 'types')}
                onChange={(type) => setColumn(j, { type })}
              />
            </td>
            <td>
              <SelectField
                label={t('csv.useOf', { name: c.name })}
                hideLabel
                value={c.role}
                options={choices(ROLES, 'roles')}
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
  const { t } = useTranslation('data');
  const delimiters = DELIMITERS.map(([d, name]) => [d, t(`csv.delimiters.${name}`)] as const);
  return (
    <>
      <div className="data-row">
        <SelectField
          label={t('csv.delimiter')}
          value={options.delimiter}
          options={known ? delimiters : [...delimiters, [options.delimiter, options.delimiter] as const]}
          onChange={(delimiter) => set({ delimiter })}
        />
        <label className="data-check">
          <input
            type="checkbox"
            checked={options.hasHeader}
            onChange={(e) => set({ hasHeader: e.target.checked })}
          />
          {t('csv.header')}
        </label>
      </div>
      <SelectField
        label={t('csv.missing')}
        value={options.missing}
        options={choices(MISSING, 'missingModes')}
        onChange={(missing) => set({ missing })}
      />
    </>
  );
}

function TextOptions({ options, set }: { options: CsvOptions; set: Set }) {
  const { t } = useTranslation('data');
  return (
    <div className="data-row">
      <NumberField
        label={t('csv.vocabulary')}
        value={options.vocabSize}
        min={3}
        max={100000}
        onCommit={(v) => set({ vocabSize: Math.trunc(v) })}
      />
      <NumberField
        label={t('csv.tokens')}
        value={options.seqLength}
        min={1}
        max={2000}
        onCommit={(v) => set({ seqLength: Math.trunc(v) })}
      />
    </div>
  );
}

function TableOptions({ options, set }: { options: CsvOptions; set: Set }) {
  const { t } = useTranslation('data');
  return (
    <>
      <SelectField
        label={t('csv.categories')}
        value={options.encoding}
        options={choices(ENCODINGS, 'encodings')}
        onChange={(encoding) => set({ encoding })}
      />
      <SelectField
        label={t('csv.normalise')}
        value={options.normalise}
        options={choices(NORMALISERS, 'normalisers')}
        onChange={(normalise) => set({ normalise })}
      />
    </>
  );
}

function statsLine(inspection: CsvInspection | undefined, j: number): string | undefined {
  const s = inspection?.columns[j];
  if (!s) return undefined;
  const range =
    s.min !== undefined && s.inferred === 'numeric'
      ? `${fmt(s.min)}–${fmt(s.max!)}`
      : i18n.t('data:csv.values', { count: s.distinct });
  return s.missing ? i18n.t('data:csv.missingCount', { range, count: s.missing }) : range;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? v.toExponential(1) : String(Math.round(v * 100) / 100);
}
