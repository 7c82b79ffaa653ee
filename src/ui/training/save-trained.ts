import { getDb } from '../../storage/db';
import { trainingClient } from '../../train/client';

/**
 * Keeps the trained model's weights in IndexedDB (`${projectId}/trained`), where Publish and the "TF.js model
 * files" export find them: a reload or a failed publish never loses a trained model.
 */
export async function saveTrainedWeights(projectId: string): Promise<void> {
  const files = await trainingClient.exportTrainedModel();
  const db = await getDb();
  await db.put(
    'weights',
    {
      modelTopology: files.modelTopology,
      weightSpecs: files.weightSpecs,
      weightData: files.weights,
      savedAt: new Date().toISOString(),
    },
    `${projectId}/trained`,
  );
}
