import { describe, expect, it } from 'vitest';
import { CARTPOLE_SPEC, MAZE_SPEC } from '../../envs';
import { AGENT_TEMPLATES, chain, inferGraph, updateParams } from '../../graph';
import { createI18n } from '../../i18n';
import { checkGameModel } from './game-check';
import { movingAverage } from './play-store';
import { gameLoopSnippet } from './snippet';

const en = createI18n('en');

describe('the game–model check', () => {
  it('offers "Set Input to (4)" and "Set the last Dense to 2 units" for a mismatched CartPole policy', () => {
    const { graph, ids } = chain([
      ['Input', { shape: [3] }],
      ['Dense', { units: 16, activation: 'relu' }],
      ['Dense', { units: 3, activation: 'softmax' }],
    ]);
    const issues = checkGameModel(CARTPOLE_SPEC, graph, inferGraph(graph), 'reinforce');
    expect(issues.map((i) => i.key)).toEqual(['check.input', 'check.outputs']);
    const [input, output] = issues;
    expect(en.t(`play:${input.fix!.key}`, input.fix!.values)).toBe('Set Input to (4)');
    expect(input.fix).toMatchObject({ nodeId: ids[0], params: { shape: [4] } });
    expect(en.t(`play:${output.fix!.key}`, output.fix!.values)).toBe('Set the last Dense to 2 units');
    expect(output.fix).toMatchObject({ nodeId: ids[2], params: { units: 2, activation: 'softmax' } });
    expect(en.t(`play:${output.key}`, output.values)).toBe(
      'The last layer has 3 units but CartPole has 2 actions (left, right): one output per action.',
    );
    // Applying both fixes leaves nothing to report.
    let fixed = updateParams(graph, ids[0], input.fix!.params);
    fixed = updateParams(fixed, ids[2], output.fix!.params);
    expect(checkGameModel(CARTPOLE_SPEC, fixed, inferGraph(fixed), 'reinforce')).toEqual([]);
  });

  it('asks a DQN for linear Q values instead of softmax', () => {
    const { graph, ids } = chain([
      ['Input', { shape: [36] }],
      ['Dense', { units: 4, activation: 'softmax' }],
    ]);
    const [issue] = checkGameModel(MAZE_SPEC, graph, inferGraph(graph), 'dqn');
    expect(issue.key).toBe('check.qSoftmax');
    expect(issue.fix).toMatchObject({ nodeId: ids[1], params: { activation: 'linear' } });
  });

  it('finds every agent template fitting its game', () => {
    for (const t of AGENT_TEMPLATES) {
      const g = t.build();
      const spec = [CARTPOLE_SPEC, MAZE_SPEC].find((s) => s.id === t.agent.env);
      if (spec) expect(checkGameModel(spec, g, inferGraph(g), t.agent.objective)).toEqual([]);
    }
  });
});

describe('Play panel helpers', () => {
  it('averages over a moving window of up to 100 episodes', () => {
    expect(movingAverage([2, 4, 6], 2)).toEqual([2, 3, 5]);
    const long = Array.from({ length: 150 }, (_, i) => (i < 50 ? 0 : 10));
    expect(movingAverage(long).at(-1)).toBe(10);
    expect(movingAverage(long)[99]).toBe(5);
  });

  it('writes a game loop that posts the observation to :predict and plays the best action', () => {
    const code = gameLoopSnippet(CARTPOLE_SPEC, 'cartpole', 'http://localhost:8080');
    expect(code).toContain("const url = 'http://localhost:8080/v1/models/cartpole:predict';");
    expect(code).toContain('JSON.stringify({ instances: [observation] })');
    expect(code).toContain('0 = left, 1 = right');
  });
});
