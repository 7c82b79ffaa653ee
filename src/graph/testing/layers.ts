import type { ParamCount } from '../define';
import { toParamCount, withDefaults } from '../define';
import { specContext } from '../layers';
import { ShapeError } from '../shape';
import type { Params, Shape } from '../types';

const asInputs = (x: Shape | Shape[]): Shape[] => (Array.isArray(x[0]) ? (x as Shape[]) : [x as Shape]);

/** Runs one catalog spec on input shape(s): its output shape and weight count (for family tests). */
export function runLayer(
  type: string,
  x: Shape | Shape[],
  params: Params = {},
): { shape: Shape; count: ParamCount } {
  const spec = specContext.spec(type);
  if (!spec) throw new Error(`no spec ${type}`);
  const p = withDefaults(spec, params);
  const inputs = asInputs(x);
  return {
    shape: spec.outputShape(inputs, p, specContext),
    count: toParamCount(spec.paramCount(inputs, p, specContext)),
  };
}

/** A spec's output shape for the input shape(s). */
export function shapeOf(type: string, x: Shape | Shape[], params: Params = {}): Shape {
  const spec = specContext.spec(type);
  if (!spec) throw new Error(`no spec ${type}`);
  return spec.outputShape(asInputs(x), withDefaults(spec, params), specContext);
}

/** The ShapeError a spec raises for the input shape(s); fails the test when it accepts them. */
export function errorOf(type: string, x: Shape | Shape[], params: Params = {}): ShapeError {
  try {
    shapeOf(type, x, params);
  } catch (e) {
    if (e instanceof ShapeError) return e;
    throw e;
  }
  throw new Error(`${type} accepted ${JSON.stringify(x)}`);
}
