// The compile module's public door. Everything here except `compile`, `weights` and `export-files` is free of
// the tfjs runtime, so UI code may import those parts statically; the rest loads lazily.
export { buildLayer, type CompileOptions, compileGraph, compilePlan } from './compile';
export { CompileError, ImportError } from './errors';
export { exportModelFiles, type ModelFiles } from './export-files';
export { type ImportedGraph, modelJsonToGraph, parseModelJson } from './import-model';
export { toKerasPython } from './keras-python';
export { checkCompilable, graphEnds, type ModelPlan, type PlannedLayer, planModel } from './plan';
export {
  formatBytes,
  formatCount,
  formatSummary,
  type ModelSummaryData,
  type SummaryRow,
  summarizeGraph,
} from './summary';
export { type CodeLanguage, toTfjsCode } from './tfjs-code';
export {
  type ImportedWeights,
  readWeightFiles,
  renameWeights,
  requiredWeightFiles,
  type WeightSpec,
} from './weight-files';
export { applyWeights } from './weights';
export { type ChosenFile, type ImportedModel, importModelFiles } from './import-files';
