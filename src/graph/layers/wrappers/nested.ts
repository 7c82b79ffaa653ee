import type { AnyLayerSpec, ParamCount, SpecContext, TfjsLayerConfig } from '../../define';
import { paramProblems, toParamCount, withDefaults } from '../../define';
import { ShapeError } from '../../shape';
import type { NestedLayer, Params, Shape } from '../../types';

/** The wrapped layer's spec and its params with defaults filled; throws a sentence when either is unusable. */
export function resolveNested(
  wrapper: string,
  layer: NestedLayer,
  ctx: SpecContext,
): { spec: AnyLayerSpec; params: Params } {
  const spec = ctx.spec(layer.type);
  if (!spec) throw new ShapeError(`${wrapper} cannot wrap ${layer.type}: the catalog has no such layer.`);
  const params = withDefaults(spec, layer.params);
  const problems = Object.values(paramProblems(spec, params));
  if (problems.length > 0) throw new ShapeError(`${wrapper}'s inner ${layer.type}: ${problems[0]}`);
  return { spec, params };
}

/** Output shape and weight count of the wrapped layer on a given input. */
export function nestedResult(
  wrapper: string,
  layer: NestedLayer,
  input: Shape,
  ctx: SpecContext,
): { shape: Shape; count: ParamCount } {
  const { spec, params } = resolveNested(wrapper, layer, ctx);
  return {
    shape: spec.outputShape([input], params, ctx),
    count: toParamCount(spec.paramCount([input], params, ctx)),
  };
}

/** The wrapped layer as TF.js serialises it inside a wrapper: `{className, config}`. */
export function nestedToTfjs(layer: NestedLayer, ctx: SpecContext): TfjsLayerConfig {
  const spec = ctx.spec(layer.type);
  if (!spec)
    return { className: layer.type, config: structuredClone(layer.params) as Record<string, unknown> };
  return spec.toTfjs(withDefaults(spec, layer.params), ctx);
}

/** The wrapped layer from a TF.js `{className, config}`, with every param filled; undefined when unknown. */
export function nestedFromKeras(value: unknown, ctx: SpecContext): NestedLayer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { className, config } = value as { className?: unknown; config?: unknown };
  if (typeof className !== 'string' || typeof config !== 'object' || config === null) return undefined;
  const spec = ctx.spec(className);
  if (!spec) return undefined;
  return {
    type: className,
    params: withDefaults(spec, spec.fromKeras(config as Record<string, unknown>, ctx)),
  };
}
