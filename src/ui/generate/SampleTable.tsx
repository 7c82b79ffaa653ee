import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { indices, sampleCount } from './images';

const ROWS = 16;
const COLUMNS = 12;

/** Generated samples that are not images, as a table: one row per sample, one column per value. */
export function SampleTable({
  values,
  shape,
  label,
}: {
  values: Float32Array;
  shape: number[];
  label: string;
}) {
  const { t } = useTranslation('generate');
  const size = shape.reduce((a, b) => a * b, 1);
  const rows = Math.min(ROWS, sampleCount(values, shape));
  const cols = Math.min(COLUMNS, size);
  return (
    <table className="generate__table" aria-label={label}>
      <thead>
        <tr>
          <th>#</th>
          {indices(cols).map((j) => (
            <th key={j}>{t('value', { n: j + 1 })}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {indices(rows).map((i) => (
          <tr key={i}>
            <td>{i + 1}</td>
            {indices(cols).map((j) => (
              <td key={j}>{formatNumber(values[i * size + j], { maximumFractionDigits: 3 })}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
