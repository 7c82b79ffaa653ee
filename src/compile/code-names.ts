import type { ModelPlan, PlannedLayer } from './plan';

/** True when the plan is one straight line from a single input to a single output (Keras' Sequential case). */
export function isChain(plan: ModelPlan): boolean {
  if (plan.inputs.length !== 1 || plan.outputs.length !== 1) return false;
  if (!plan.layers[0]?.isInput) return false;
  return plan.layers.every(
    (l, i) => i === 0 || (l.inputs.length === 1 && l.inputs[0] === plan.layers[i - 1].node.id),
  );
}

/** A variable name for every layer: its node name made a valid identifier, unique and clear of `reserved`. */
export function variableNames(layers: PlannedLayer[], reserved: ReadonlySet<string>): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const l of layers) {
    let base = l.node.name.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^[0-9]/.test(base)) base = `l_${base}`;
    if (reserved.has(base)) base = `${base}_`;
    let name = base;
    for (let i = 1; used.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    out.set(l.node.id, name);
  }
  return out;
}

/** camelCase → snake_case exactly as TF.js writes Python-style names (`kernelSize` → `kernel_size`). */
export function toSnake(s: string): string {
  return s
    .replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** snake_case → camelCase exactly as TF.js reads Python-style names (`kernel_size` → `kernelSize`). */
export function toCamel(s: string): string {
  if (s.length <= 1 || !s.includes('_')) return s;
  return s.replace(/_+(\w|$)/g, (_, c: string) => c.toUpperCase());
}

/** A nested `{className, config}` value (a wrapped layer or an initializer). */
export interface ClassConfig {
  className: string;
  config: Record<string, unknown>;
}

/** True for a `{className, config}` object. */
export function isClassConfig(v: unknown): v is ClassConfig {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ClassConfig).className === 'string' &&
    typeof (v as ClassConfig).config === 'object'
  );
}
