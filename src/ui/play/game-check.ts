import type { EnvSpec } from '../../envs';
import type { Graph, GraphInfo, Params } from '../../graph';

/** A mismatch between the game and the network, as catalog keys (namespace `play`) with a one-click fix. */
export interface GameIssue {
  key: 'check.noInput' | 'check.input' | 'check.outputs' | 'check.qSoftmax';
  values: Record<string, string | number>;
  fix?: {
    key: 'fix.input' | 'fix.units' | 'fix.linear';
    values: Record<string, string | number>;
    nodeId: string;
    params: Params;
  };
}

/** A shape without the batch, as the fixes name it: "(4)", "(10, 10, 1)". */
export const plainShape = (shape: readonly number[]) => `(${shape.join(', ')})`;

/**
 * The game–model check of an agent: the Input must take the game's observation, the last layer must have one
 * unit per action, and a Q network (DQN) must not squash its values through softmax. Empty when they fit.
 */
export function checkGameModel(
  spec: EnvSpec,
  graph: Graph,
  info: GraphInfo,
  algorithm: 'reinforce' | 'dqn',
): GameIssue[] {
  const issues: GameIssue[] = [];
  const inputs = graph.nodes.filter((n) => n.type === 'Input');
  if (inputs.length !== 1) return [{ key: 'check.noInput', values: { count: inputs.length } }];
  const input = inputs[0];
  const shape = Array.isArray(input.params.shape) ? (input.params.shape as number[]) : [];
  const want = spec.observationShape;
  if (shape.length !== want.length || shape.some((d, i) => d !== want[i]))
    issues.push({
      key: 'check.input',
      values: {
        game: spec.title,
        have: plainShape(shape),
        want: plainShape(want),
        what: spec.observationText,
      },
      fix: {
        key: 'fix.input',
        values: { shape: plainShape(want) },
        nodeId: input.id,
        params: { shape: [...want] },
      },
    });
  const sources = new Set(graph.edges.map((e) => e.source));
  const outputs = graph.nodes.filter((n) => !sources.has(n.id) && n.type !== 'Input');
  if (outputs.length !== 1) return issues;
  const out = outputs[0];
  const outShape = info.nodes.get(out.id)?.shape;
  const units = outShape?.at(-1);
  const activation = out.params.activation;
  const fixParams = (p: Params) => (out.type === 'Dense' ? { nodeId: out.id, params: p } : null);
  if (outShape && (outShape.length !== 2 || units !== spec.actionCount)) {
    const f = fixParams({ units: spec.actionCount, activation: algorithm === 'dqn' ? 'linear' : 'softmax' });
    issues.push({
      key: 'check.outputs',
      values: {
        game: spec.title,
        count: spec.actionCount,
        actions: spec.actionNames.join(', '),
        have: String(units ?? '?'),
      },
      ...(f ? { fix: { key: 'fix.units', values: { count: spec.actionCount }, ...f } } : {}),
    });
  } else if (algorithm === 'dqn' && activation === 'softmax') {
    const f = fixParams({ activation: 'linear' });
    issues.push({
      key: 'check.qSoftmax',
      values: {},
      ...(f ? { fix: { key: 'fix.linear', values: {}, ...f } } : {}),
    });
  }
  return issues;
}
