import { useTranslation } from 'react-i18next';
import { useStudio } from '../../state/store';
import { applyCheckFixes, currentIssues } from './first-run';
import { startTraining, type TrainingStatus, useTrainingStatus } from './training-status';

const selectGraph = (s: { graph: unknown }) => s.graph;
const selectDataset = (s: { dataset: unknown }) => s.dataset;
const selectTraining = (s: { training: unknown }) => s.training;
const selectPhase = (s: TrainingStatus) => s.phase;

/** "Apply the fixes and train": the person's consent to every one-click fix of the check, then the run. */
export function FixAndTrain() {
  const { t } = useTranslation('firstrun');
  useStudio(selectGraph);
  useStudio(selectDataset);
  const training = useStudio(selectTraining) as { objective?: string } | null;
  const phase = useTrainingStatus(selectPhase);
  const supervised = (training?.objective ?? 'supervised') === 'supervised';
  const fixable = supervised && currentIssues().some((i) => i.fix);
  if (!fixable) return null;
  return (
    <button
      type="button"
      className="training-fix-and-train"
      disabled={phase !== 'idle'}
      onClick={() => {
        // What no fix can mend stays in the check, and Train's own alert names it.
        applyCheckFixes();
        void startTraining();
      }}
    >
      {t('fixAndTrain')}
    </button>
  );
}
