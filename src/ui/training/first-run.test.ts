import { beforeEach, describe, expect, it } from 'vitest';
import { chain, TEMPLATES } from '../../graph';
import { useStudio } from '../../state/store';
import { builtinConfig } from '../data/SourceEditor';
import { applyCheckFixes, applyRecommended, currentIssues, personChanged } from './first-run';
import { currentConfig, startTraining, useTrainingStatus } from './training-status';

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!;
const config = () => currentConfig(useStudio.getState().training);

beforeEach(() => {
  useStudio.setState({ training: null, dataset: null, graph: { nodes: [], edges: [] } });
  useTrainingStatus.setState({ alert: null, phase: 'idle' });
});

describe('settings that follow the dataset', () => {
  it('suggests 100 epochs of 16 for Iris and 5 of 32 for MNIST until the person sets them', () => {
    useStudio.getState().setDataset(builtinConfig('iris'));
    expect(config()).toMatchObject({ epochs: 100, batchSize: 16, suggested: ['epochs', 'batchSize'] });
    useStudio.getState().setDataset(builtinConfig('mnist'));
    expect(config()).toMatchObject({ epochs: 5, batchSize: 32 });
    useStudio.getState().setTraining(personChanged(config(), { epochs: 7 }));
    useStudio.getState().setDataset(builtinConfig('iris'));
    expect(config()).toMatchObject({ epochs: 7, batchSize: 16, suggested: ['batchSize'] });
  });

  it('keeps an older project’s own settings (saved before suggestions existed)', () => {
    useStudio.getState().setDataset(builtinConfig('iris'));
    useStudio.getState().setTraining({ ...config(), suggested: undefined, epochs: 5, batchSize: 32 });
    expect(config()).toMatchObject({ epochs: 5, batchSize: 32 });
  });
});

describe('a template opened with its dataset', () => {
  it('brings the spam set and its settings with the LSTM classifier, and the check passes', () => {
    const t = template('lstm-text');
    useStudio.getState().setGraph(t.build());
    applyRecommended(t, config());
    const ds = useStudio.getState().dataset as { source: { id: string } };
    expect(ds.source.id).toBe('spam');
    expect(config()).toMatchObject({ epochs: 2, batchSize: 128, learningRate: 0.01, suggested: [] });
    expect(currentIssues()).toEqual([]);
  });

  it("brings the GAN's two learning rates with the dense GAN, and the DCGAN paper's with the DCGAN", () => {
    applyRecommended(template('gan-mnist'), config());
    expect(config()).toMatchObject({
      epochs: 3,
      batchSize: 64,
      generative: { generatorLearningRate: 1e-3, discriminatorLearningRate: 1e-3 },
    });
    applyRecommended(template('dcgan-mnist'), config());
    expect(config().generative).toEqual({ generatorLearningRate: 2e-4, discriminatorLearningRate: 2e-4 });
  });
});

describe('Train waits for the dataset–model check', () => {
  it('refuses a 2,000-row Embedding on the 5,000-word spam set, and runs once the fixes are applied', async () => {
    useStudio.getState().setDataset(builtinConfig('spam'));
    useStudio.getState().setGraph(
      chain([
        ['Input', { shape: [40], dtype: 'int32' }],
        ['Embedding', { inputDim: 2000, outputDim: 8 }],
        ['LSTM', { units: 4 }],
        ['Dense', { units: 2, activation: 'softmax' }],
      ]).graph,
    );
    await startTraining();
    const { alert, phase, runId } = useTrainingStatus.getState();
    expect(phase).toBe('idle');
    expect(runId).toBeNull();
    expect(alert).toMatch(
      /^Train waits: the dataset does not fit the model \(2 problems\)\. First: Each sample is \(100,\)/,
    );
    expect(applyCheckFixes()).toBe(true);
    const embedding = useStudio.getState().graph.nodes.find((n) => n.type === 'Embedding')!;
    expect(embedding.params.inputDim).toBe(5000);
  });
});
