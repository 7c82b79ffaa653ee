/**
 * What makes a first run work: settings that follow the dataset until the person sets them, a template's own
 * dataset and settings, and the dataset–model check standing between the Train button and a run that cannot
 * learn.
 */
import {
  asDatasetConfig,
  BUILTINS,
  type BuiltinId,
  type CheckIssue,
  checkDatasetModel,
  signatureFor,
  suggestSettings,
} from '../../data';
import { inferGraph, type Template } from '../../graph';
import { useStudio } from '../../state/store';
import type { TrainingConfig } from '../../train/types';
import { builtinConfig } from '../data/SourceEditor';

/** The fields that follow the dataset in a new project. */
export const SUGGESTED_FIELDS: NonNullable<TrainingConfig['suggested']> = ['epochs', 'batchSize'];

/** Epochs and batch size for the dataset in `dataset` (a stored DatasetConfig), or null when unknown. */
export function suggestionFor(dataset: unknown, maxTrainSamples?: number) {
  const n = signatureFor(asDatasetConfig(dataset))?.trainSamples;
  if (!n) return null;
  return suggestSettings(maxTrainSamples ? Math.min(n, maxTrainSamples) : n);
}

/** The config with every still-suggested field set from the dataset's size. */
export function withSuggestions(config: TrainingConfig, dataset: unknown): TrainingConfig {
  const fields = config.suggested ?? [];
  if (!fields.length) return config;
  const s = suggestionFor(dataset, config.maxTrainSamples);
  if (!s) return config;
  const out = { ...config };
  for (const f of fields) out[f] = s[f];
  return out;
}

/** A change the person made: the fields they set stop following the dataset. */
export function personChanged(config: TrainingConfig, change: Partial<TrainingConfig>): TrainingConfig {
  const suggested = (config.suggested ?? []).filter((f) => !(f in change));
  return { ...config, ...change, suggested };
}

/**
 * Opening a template with its recommended built-in dataset: the dataset becomes the project's and the
 * template's settings are applied (those it does not name keep following the dataset).
 */
export function applyRecommended(template: Template, current: TrainingConfig): void {
  const rec = template.recommended;
  if (!rec || !BUILTINS.some((b) => b.id === rec.dataset)) return;
  const s = useStudio.getState();
  s.setDataset(builtinConfig(rec.dataset as BuiltinId));
  const { epochs, batchSize, learningRate, schedule, generative } = rec.settings;
  const named = { epochs, batchSize, learningRate, schedule, generative };
  const change = Object.fromEntries(Object.entries(named).filter(([, v]) => v !== undefined));
  s.setTraining(personChanged({ ...current, suggested: SUGGESTED_FIELDS }, change));
}

/** Where the project's dataset and model disagree (nothing when no dataset is chosen). */
export function currentIssues(): CheckIssue[] {
  const { dataset, graph, training } = useStudio.getState();
  // Generative objectives learn the inputs themselves (no labels to fit): the engine checks them at the start.
  const objective = (training as { objective?: unknown } | null)?.objective;
  if (objective !== undefined && objective !== 'supervised') return [];
  const signature = signatureFor(asDatasetConfig(dataset));
  if (!signature) return [];
  const loss = (training as { loss?: unknown } | null)?.loss;
  return checkDatasetModel(signature, graph, inferGraph(graph), typeof loss === 'string' ? loss : undefined);
}

/** Applies every one-click fix of the check (the person pressed "Apply the fixes and train"); true when all fit. */
export function applyCheckFixes(): boolean {
  for (const issue of currentIssues()) {
    if (issue.fix) useStudio.getState().updateParams(issue.fix.nodeId, issue.fix.params);
  }
  return currentIssues().length === 0;
}
