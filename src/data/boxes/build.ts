import type { Assembly } from '../assemble';
import { type BoxSet, boxTargetWidth } from './boxes';

/**
 * A box set as a dataset: x = the image, y = [x, y, w, h, one-hot class] per image (numeric), which the engine
 * splits across the model's two outputs in order: the box head (4 units) first, then the class head.
 */
export function boxesAssembly(set: BoxSet, name: string): Assembly {
  const k = set.classNames.length;
  const width = boxTargetWidth(k);
  const n = set.labels.length;
  const y = new Float32Array(n * width);
  for (let i = 0; i < n; i++) {
    y.set(set.boxes.subarray(i * 4, i * 4 + 4), i * width);
    y[i * width + 4 + set.labels[i]] = 1;
  }
  return {
    name,
    x: set.images,
    y,
    inputShape: [set.height, set.width, set.channels],
    labelKind: 'numeric',
    targetShape: [width],
    classNames: set.classNames,
    format: { kind: 'image', width: set.width, height: set.height, channels: set.channels },
    domain: { kind: 'boxes', classes: k },
    warnings: set.warnings,
  };
}
