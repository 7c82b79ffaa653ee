import type { WeightSpec } from '../../compile/weight-files';
import { i18n } from '../../i18n';
import { getDb } from '../../storage/db';
import { graphInfoOf } from '../../state/graph-info';
import { useStudio } from '../../state/store';
import { downloadFile, fileBase, graphToSvg, svgToPng } from './graph-image';

/** The IndexedDB slots that may hold weights for the current project, best first. */
const WEIGHT_SLOTS = ['trained', 'imported'] as const;

/** The key under which imported weights are stored for a project (`weights` store in src/state/db.ts). */
export function weightsKey(projectId: string | null, slot: (typeof WEIGHT_SLOTS)[number]): string {
  return `${projectId ?? 'unsaved'}/${slot}`;
}

/**
 * Compiles the current graph (tfjs loads now, not at start-up), loads the project's trained or imported weights
 * when they fit, and downloads model.json + weights. Returns a sentence saying which weights went out.
 */
export async function downloadTfjsFiles(): Promise<string> {
  const [{ compileGraph }, { exportModelFiles }, { applyWeights }] = await Promise.all([
    import('../../compile/compile'),
    import('../../compile/export-files'),
    import('../../compile/weights'),
  ]);
  const { graph, projectName, projectId } = useStudio.getState();
  const base = fileBase(projectName);
  const model = compileGraph(graph, { name: base });
  let which: string = i18n.t('export:untrainedWeights');
  try {
    const db = await getDb();
    for (const slot of WEIGHT_SLOTS) {
      const stored = await db.get('weights', weightsKey(projectId, slot));
      if (!stored) continue;
      try {
        applyWeights(model, {
          weightSpecs: stored.weightSpecs as WeightSpec[],
          weightData: stored.weightData,
        });
        which = i18n.t('export:slotWeights', { slot });
        break;
      } catch {
        // The graph changed since these weights were saved; try the next slot, else export fresh weights.
      }
    }
    const files = await exportModelFiles(model, base);
    downloadFile('model.json', files.modelJson, 'application/json');
    downloadFile(files.weightsName, files.weights, 'application/octet-stream');
  } finally {
    model.dispose();
  }
  return i18n.t('export:downloaded', { file: `${base}.weights.bin`, which });
}

/** Generated code for the current graph; throws CompileError with the node's message for an invalid graph. */
export async function generateCode(kind: 'keras' | 'typescript' | 'javascript'): Promise<string> {
  const { graph, projectName } = useStudio.getState();
  const name = fileBase(projectName).replace(/[^\w]/g, '_');
  if (kind === 'keras') return (await import('../../compile/keras-python')).toKerasPython(graph, name);
  return (await import('../../compile/tfjs-code')).toTfjsCode(graph, kind, name);
}

/** Downloads the current graph as an SVG or PNG picture. */
export async function downloadGraphImage(format: 'svg' | 'png'): Promise<void> {
  const { graph, projectName } = useStudio.getState();
  const svg = graphToSvg(graph, graphInfoOf(graph));
  const base = fileBase(projectName);
  if (format === 'svg') downloadFile(`${base}.svg`, svg, 'image/svg+xml');
  else downloadFile(`${base}.png`, await svgToPng(svg), 'image/png');
}

/** Stores imported weights for the current project, where export and training look for them. */
export async function storeImportedWeights(
  modelTopology: unknown,
  weights: { weightSpecs: unknown; weightData: ArrayBuffer },
): Promise<void> {
  const db = await getDb();
  const key = weightsKey(useStudio.getState().projectId, 'imported');
  await db.put('weights', { modelTopology, ...weights, savedAt: new Date().toISOString() }, key);
}
