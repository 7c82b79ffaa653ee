import { asDatasetConfig, checkDatasetModel } from '../../data';
import { useGraphInfo } from '../../state/graph-info';
import { useStudio } from '../../state/store';

const selectDataset = (s: { dataset: unknown }) => asDatasetConfig(s.dataset);
const selectGraph = (s: ReturnType<typeof useStudio.getState>) => s.graph;
const selectLoss = (s: { training: unknown }) => {
  const t = s.training as { loss?: unknown } | null;
  return typeof t?.loss === 'string' ? t.loss : undefined;
};

/**
 * The dataset–model check: says in words where the dataset and the model disagree, each with a one-click fix.
 * Shows nothing when they fit or no dataset is chosen. Place it next to the Train button.
 */
export function DatasetModelCheck() {
  const dataset = useStudio(selectDataset);
  const graph = useStudio(selectGraph);
  const loss = useStudio(selectLoss);
  const info = useGraphInfo();
  const signature = dataset?.fitted.signature;
  if (!signature) return null;
  const issues = checkDatasetModel(signature, graph, info, loss);
  if (!issues.length) {
    return (
      <p className="data-check-ok" role="status">
        The dataset fits the model.
      </p>
    );
  }
  return (
    <ul className="data-issues" aria-label="Dataset–model check">
      {issues.map((issue) => (
        <li key={issue.message}>
          <span>{issue.message}</span>
          {issue.fix && (
            <button
              type="button"
              onClick={() => useStudio.getState().updateParams(issue.fix!.nodeId, issue.fix!.params)}
            >
              {issue.fix.label}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
