/**
 * The weights a project can publish, from IndexedDB `weights`: `${projectId}/trained` (written by training)
 * first, else `${projectId}/imported`. Publishing only reads them, so a failed publish never loses them.
 */
import { getDb, type StudioDB } from '../storage/db';

/** The slots that may hold a project's weights, best first. */
export const WEIGHT_SLOTS = ['trained', 'imported'] as const;
/** One of the weight slots. */
export type WeightSlot = (typeof WEIGHT_SLOTS)[number];
/** A stored weights record. */
export type StoredWeights = StudioDB['weights']['value'] & { slot: WeightSlot };

/** The IndexedDB key of a project's weights slot. */
export function weightsKey(projectId: string | null, slot: WeightSlot): string {
  return `${projectId ?? 'unsaved'}/${slot}`;
}

/** Every stored weights record of the project, best first (trained, then imported). */
export async function storedWeights(projectId: string | null): Promise<StoredWeights[]> {
  const db = await getDb();
  const found: StoredWeights[] = [];
  for (const slot of WEIGHT_SLOTS) {
    const value = await db.get('weights', weightsKey(projectId, slot));
    if (value) found.push({ ...value, slot });
  }
  return found;
}

/** Whether the project has trained or imported weights (what enables Publish). */
export async function hasStoredWeights(projectId: string | null): Promise<boolean> {
  const db = await getDb();
  for (const slot of WEIGHT_SLOTS) {
    if ((await db.count('weights', weightsKey(projectId, slot))) > 0) return true;
  }
  return false;
}
