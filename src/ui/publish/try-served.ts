import { predictServed } from '../../publish';

/**
 * For the Try-it panel: predicts with a served version of the project's model (null = what an unversioned
 * request gets: `stable`, else the latest) on the studio's own endpoint with the remembered token.
 */
export function predictServedVersion(
  name: string,
  version: number | null,
  x: Float32Array | Int32Array,
  shape: number[],
) {
  return predictServed(name, version, x, shape);
}
