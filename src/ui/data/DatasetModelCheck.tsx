import { useTranslation } from 'react-i18next';
import { asDatasetConfig, checkDatasetModel, padsPerBatch, signatureFor } from '../../data';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';
import { checkFixLabel, checkMessage } from './check-text';

const selectDataset = (s: { dataset: unknown }) => asDatasetConfig(s.dataset);
const selectGraph = (s: ReturnType<typeof useStudio.getState>) => s.graph;
const selectLoss = (s: { training: unknown }) => {
  const t = s.training as { loss?: unknown } | null;
  return typeof t?.loss === 'string' ? t.loss : undefined;
};
const selectObjective = (s: { training: unknown }) =>
  (s.training as { objective?: string } | null)?.objective ?? 'supervised';

/**
 * The dataset–model check: says in words where the dataset and the model disagree, each with a one-click fix.
 * Shows nothing when they fit or no dataset is chosen. Place it next to the Train button.
 */
export function DatasetModelCheck() {
  const dataset = useStudio(selectDataset);
  const graph = useStudio(selectGraph);
  const loss = useStudio(selectLoss);
  const objective = useStudio(selectObjective);
  const info = useGraphInfo();
  const { t } = useTranslation('data');
  // Generative objectives learn the inputs, not labels: the engine checks their own fit when training starts.
  if (objective !== 'supervised') return null;
  // A built-in's signature is known before it loads, so a template opened with its dataset is checked at once.
  const signature = signatureFor(dataset);
  if (!signature) return null;
  const issues = checkDatasetModel(signature, graph, info, loss);
  if (!issues.length) {
    return (
      <p className="data-check-ok" role="status">
        {t('fits')}
        {dataset && padsPerBatch(dataset, graph)
          ? ` ${t('paddedPerBatch', { length: signature.inputShape[0] })}`
          : null}
      </p>
    );
  }
  return (
    <ul className="data-issues" aria-label={t('check')}>
      {issues.map((issue) => (
        <li key={issue.message}>
          <span>{checkMessage(issue)}</span>
          {issue.fix && (
            <button
              type="button"
              onClick={() => useStudio.getState().updateParams(issue.fix!.nodeId, issue.fix!.params)}
            >
              {checkFixLabel(issue.fix)}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
