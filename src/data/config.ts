import { BUILTINS } from './builtin/catalog';
import type { DatasetConfig } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Reads a project's stored dataset entry: a usable DatasetConfig, or null for "no dataset" (missing, from an
 * unknown version, or damaged), so a bad project file never breaks the data panel.
 */
export function asDatasetConfig(value: unknown): DatasetConfig | null {
  if (!isObject(value) || value.version !== 1) return null;
  const { source, split, fitted } = value;
  if (!isObject(source) || !isObject(split) || !isObject(fitted)) return null;
  if (!['train', 'val', 'test', 'seed'].every((k) => typeof split[k] === 'number')) return null;
  if (source.kind === 'builtin')
    return BUILTINS.some((b) => b.id === source.id) ? (value as unknown as DatasetConfig) : null;
  if (source.kind === 'audio' && !isObject(source.audio)) return null;
  if (source.kind === 'boxes' && !isObject(source.images)) return null;
  if (!['csv', 'images', 'audio', 'ratings', 'boxes'].includes(source.kind as string)) return null;
  return typeof source.fileKey === 'string' && typeof source.fileName === 'string'
    ? (value as unknown as DatasetConfig)
    : null;
}
