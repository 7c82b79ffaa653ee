import { getDb } from '../../storage/db';
import type { Checkpoint } from './checkpoint';
import type { CheckpointStore } from './session';

/** Checkpoints in the studio's IndexedDB (`checkpoints`, keyed `${projectId}/${runId}`); works in a worker. */
export const idbCheckpoints: CheckpointStore = {
  async save(cp: Checkpoint) {
    const db = await getDb();
    await db.put('checkpoints', cp as unknown as Record<string, unknown>, `${cp.projectId}/${cp.runId}`);
  },
  async remove(projectId: string, runId: string) {
    const db = await getDb();
    await db.delete('checkpoints', `${projectId}/${runId}`);
  },
};

/** Every checkpoint saved for a project (newest first). */
export async function projectCheckpoints(projectId: string): Promise<Checkpoint[]> {
  const db = await getDb();
  const range = IDBKeyRange.bound(`${projectId}/`, `${projectId}/\uffff`);
  const all = (await db.getAll('checkpoints', range)) as unknown as Checkpoint[];
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
