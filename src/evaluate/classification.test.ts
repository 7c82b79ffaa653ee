import { describe, expect, it } from 'vitest';
import { cellSamples, classificationReport, confusionMatrix, predictedClasses } from './classification';

/** One-hot-ish probability rows that put `confidence` on the given class. */
function rows(classes: number[], k: number, confidence = 0.8): Float32Array {
  const out = new Float32Array(classes.length * k).fill((1 - confidence) / (k - 1));
  classes.forEach((c, i) => {
    out[i * k + c] = confidence;
  });
  return out;
}

// Hand-computed fixture: 3 classes, class 2 is never predicted.
//            pred 0  pred 1  pred 2
// true 0        1       1       0     support 2
// true 1        1       2       0     support 3
// true 2        1       1       0     support 2
const yTrue = Float32Array.from([0, 0, 1, 1, 1, 2, 2]);
const predicted = [0, 1, 1, 1, 0, 0, 1];
const table = { yTrue, yPred: rows(predicted, 3), numClasses: 3 };

describe('classificationReport', () => {
  const r = classificationReport(table, ['cat', 'dog', 'bird']);

  it('counts the confusion matrix as [true][predicted]', () => {
    expect(r.matrix).toEqual([
      [1, 1, 0],
      [1, 2, 0],
      [1, 1, 0],
    ]);
  });

  it('computes accuracy, per-class precision / recall / F1 / support', () => {
    expect(r.accuracy).toBeCloseTo(3 / 7, 10);
    expect(r.perClass[0]).toMatchObject({ support: 2, predicted: 3 });
    expect(r.perClass[0].precision).toBeCloseTo(1 / 3, 10);
    expect(r.perClass[0].recall).toBeCloseTo(1 / 2, 10);
    expect(r.perClass[0].f1).toBeCloseTo(0.4, 10);
    expect(r.perClass[1].precision).toBeCloseTo(0.5, 10);
    expect(r.perClass[1].recall).toBeCloseTo(2 / 3, 10);
    expect(r.perClass[1].f1).toBeCloseTo(4 / 7, 10);
  });

  it('sets precision of a never-predicted class to 0 and says so, as scikit-learn does', () => {
    expect(r.perClass[2]).toEqual({ precision: 0, recall: 0, f1: 0, support: 2, predicted: 0 });
    expect(r.notes).toEqual([
      'Precision is undefined for classes the model never predicted and is set to 0: bird.',
    ]);
  });

  it('computes macro and weighted averages', () => {
    expect(r.macro.precision).toBeCloseTo(5 / 18, 10);
    expect(r.macro.recall).toBeCloseTo(7 / 18, 10);
    expect(r.macro.f1).toBeCloseTo((0.4 + 4 / 7) / 3, 10);
    expect(r.weighted.precision).toBeCloseTo(13 / 42, 10);
    expect(r.weighted.recall).toBeCloseTo(3 / 7, 10);
    expect(r.weighted.f1).toBeCloseTo(17.6 / 49, 10);
    expect(r.macro.support).toBe(7);
  });

  it('leaves classes absent from both true and predicted labels out of the macro average', () => {
    const four = classificationReport({ yTrue, yPred: rows(predicted, 4), numClasses: 4 });
    expect(four.macro.precision).toBeCloseTo(5 / 18, 10);
    expect(four.notes[0]).toMatch(/: 2\.$/);
  });

  it('notes recall set to 0 for a predicted class with no test samples', () => {
    const r2 = classificationReport({
      yTrue: Float32Array.from([0, 0]),
      yPred: rows([0, 1], 2),
      numClasses: 2,
    });
    expect(r2.perClass[1]).toEqual({ precision: 0, recall: 0, f1: 0, support: 0, predicted: 1 });
    expect(r2.notes).toEqual(['Recall is undefined for classes with no test samples and is set to 0: 1.']);
  });

  it('scores a perfect classifier 1 everywhere with no notes', () => {
    const p = classificationReport({ yTrue, yPred: rows([0, 0, 1, 1, 1, 2, 2], 3), numClasses: 3 });
    expect(p.accuracy).toBe(1);
    expect(p.macro).toEqual({ precision: 1, recall: 1, f1: 1, support: 7 });
    expect(p.notes).toEqual([]);
  });
});

describe('predictedClasses', () => {
  it('takes the arg-max and its probability', () => {
    const { classes, confidence } = predictedClasses({
      yTrue: [0, 1],
      yPred: [0.1, 0.7, 0.2, 0.5, 0.2, 0.3],
      numClasses: 3,
    });
    expect(Array.from(classes)).toEqual([1, 0]);
    expect(confidence[0]).toBeCloseTo(0.7, 6);
    expect(confidence[1]).toBeCloseTo(0.5, 6);
  });

  it('reads a single sigmoid column as P(class 1)', () => {
    const t = { yTrue: [1, 0, 0], yPred: [0.9, 0.2, 0.6], numClasses: 2 };
    const { classes, confidence } = predictedClasses(t);
    expect(Array.from(classes)).toEqual([1, 0, 1]);
    expect(confidence[1]).toBeCloseTo(0.8, 6);
    expect(classificationReport(t).accuracy).toBeCloseTo(2 / 3, 10);
  });
});

describe('confusionMatrix and cellSamples', () => {
  it('lists the samples of one cell, most confident first', () => {
    expect(confusionMatrix([1, 1, 0], [1, 0, 0], 2)).toEqual([
      [1, 0],
      [1, 1],
    ]);
    const idx = cellSamples([2, 2, 1, 2], [0, 0, 0, 0], [0.4, 0.9, 0.99, 0.6], 2, 0);
    expect(idx).toEqual([1, 3, 0]);
  });
});
