import type { Graph } from '../graph';
import { ImportError } from './errors';
import { modelJsonToGraph, parseModelJson } from './import-model';
import type { ImportedWeights } from './weight-files';
import { baseName, readWeightFiles, renameWeights, requiredWeightFiles } from './weight-files';

/** A file the person chose: its name and bytes. */
export interface ChosenFile {
  name: string;
  data: ArrayBuffer;
}

/** The result of importing chosen files: the graph, its weights when they were chosen, and notes. */
export interface ImportedModel {
  graph: Graph;
  name: string;
  /** The model.json topology as written, kept with the weights. */
  modelTopology: unknown;
  weights: ImportedWeights | null;
  warnings: string[];
}

/**
 * Imports a model.json plus its weight files (no tfjs needed). Without any .bin file only the architecture is
 * imported (with a warning); with some but not all, or with files that do not fit, it throws ImportError.
 */
export function importModelFiles(files: readonly ChosenFile[]): ImportedModel {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length !== 1)
    throw new ImportError(
      jsons.length === 0
        ? 'Choose a model.json file (and its .bin weight files).'
        : 'Choose one model.json at a time.',
    );
  const doc = parseModelJson(new TextDecoder().decode(jsons[0].data));
  const imported = modelJsonToGraph(doc);
  const bins = new Map(files.filter((f) => f !== jsons[0]).map((f) => [baseName(f.name), f.data]));
  const needed = requiredWeightFiles(doc);
  const warnings = [...imported.warnings];
  let weights: ImportedWeights | null = null;
  if (needed.length > 0 && bins.size === 0) {
    warnings.push(
      `Only the architecture was imported: choose ${needed.join(', ')} together with model.json to load the weights.`,
    );
  } else {
    const read = readWeightFiles(doc, bins);
    weights = read && renameWeights(read, imported.renamed);
  }
  const topo = (doc as { modelTopology?: unknown }).modelTopology ?? doc;
  return { graph: imported.graph, name: imported.name, modelTopology: topo, weights, warnings };
}
