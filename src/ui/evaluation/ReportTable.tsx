import type { AverageMetrics, ClassificationReport } from '../../evaluate/classification';

const pct = (v: number) => (v * 100).toFixed(1);

function Row({ name, m, head }: { name: string; m: AverageMetrics; head?: boolean }) {
  const Cell = head ? 'th' : 'td';
  return (
    <tr>
      <th scope="row">{name}</th>
      <Cell>{pct(m.precision)}</Cell>
      <Cell>{pct(m.recall)}</Cell>
      <Cell>{pct(m.f1)}</Cell>
      <Cell>{m.support}</Cell>
    </tr>
  );
}

/** Per-class precision, recall, F1 (in %) and support, then the macro and weighted averages and any notes. */
export function ReportTable({ report, names }: { report: ClassificationReport; names: string[] }) {
  return (
    <>
      <div className="eval__table-wrap">
        <table className="eval__table" aria-label="Per-class metrics">
          <caption className="visually-hidden">
            Precision, recall and F1 in percent; support in samples
          </caption>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">F1</th>
              <th scope="col">Support</th>
            </tr>
          </thead>
          <tbody>
            {report.perClass.map((m, c) => (
              <Row key={names[c]} name={names[c]} m={m} />
            ))}
          </tbody>
          <tfoot>
            <Row name="Macro avg" m={report.macro} head />
            <Row name="Weighted avg" m={report.weighted} head />
          </tfoot>
        </table>
      </div>
      {report.notes.map((n) => (
        <p key={n} className="eval__note" role="note">
          {n}
        </p>
      ))}
    </>
  );
}
