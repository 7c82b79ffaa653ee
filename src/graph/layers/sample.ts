import type { AnyLayerSpec, Rng } from '../define';
import type { ParamSchema } from '../params';
import { defaultsOf } from '../params';
import type { Params } from '../types';

/** Random params for a spec: each field sampled within its range, then the spec's own sampler on top. */
export function sampleParams(spec: AnyLayerSpec, rng: Rng): Params {
  const out: Params = defaultsOf(spec.params);
  for (const [k, def] of Object.entries(spec.params as ParamSchema)) {
    const lo = 'min' in def && def.min !== undefined ? def.min : 0;
    switch (def.kind) {
      case 'int':
        out[k] = lo + Math.floor(rng() * Math.min((def.max ?? lo + 16) - lo + 1, 17));
        break;
      case 'bool':
        out[k] = rng() < 0.5;
        break;
      case 'choice':
        out[k] = def.options[Math.floor(rng() * def.options.length)];
        break;
      default:
        break;
    }
  }
  return { ...out, ...(spec.sampleParams?.(rng) ?? {}) } as Params;
}
