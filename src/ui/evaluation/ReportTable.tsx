import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';

/** The report's notes (src/evaluate words them in English) in the UI language. */
function noteText(note: string): string {
  if (i18n.language.startsWith('en')) return note;
  const precision =
    /^Precision is undefined for classes the model never predicted and is set to 0: (.*)\.$/.exec(note);
  if (precision) return i18n.t('evaluate:notePrecision', { classes: precision[1] });
  const recall = /^Recall is undefined for classes with no test samples and is set to 0: (.*)\.$/.exec(note);
  return recall ? i18n.t('evaluate:noteRecall', { classes: recall[1] }) : note;
}

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
  const { t } = useTranslation('evaluate');
  return (
    <>
      <div className="eval__table-wrap">
        <table className="eval__table" aria-label={t('perClassMetrics')}>
          <caption className="visually-hidden">{t('reportCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('class')}</th>
              <th scope="col">{t('precision')}</th>
              <th scope="col">{t('recall')}</th>
              <th scope="col">F1</th>
              <th scope="col">{t('support')}</th>
            </tr>
          </thead>
          <tbody>
            {report.perClass.map((m, c) => (
              <Row key={names[c]} name={names[c]} m={m} />
            ))}
          </tbody>
          <tfoot>
            <Row name={t('macroAvg')} m={report.macro} head />
            <Row name={t('weightedAvg')} m={report.weighted} head />
          </tfoot>
        </table>
      </div>
      {report.notes.map((n) => (
        <p key={n} className="eval__note" role="note">
          {noteText(n)}
        </p>
      ))}
    </>
  );
}
