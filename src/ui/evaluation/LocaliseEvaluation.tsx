import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDataset } from '../../data';
import { type BoxReport, boxReport } from '../../evaluate/boxes';
import { formatNumber, formatPercent, i18n } from '../../i18n';
import { trainingClient } from '../../train/client';
import { DomainEvaluation } from './DomainEvaluation';
import { drawWithBoxes, fileToPixels, type ImagePixels, readBoxRow } from './box-draw';
import './domains.css';

const TRUE = '#1a9a3c';
const PREDICTED = '#d62728';
const SHOWN = 24;
const fixed = (v: number) => formatNumber(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

interface Evaluated {
  report: BoxReport;
  rows: Float32Array;
  width: number;
}

function dims(ds: LoadedDataset) {
  const [height, width, channels] = ds.inputShape;
  return { width, height, channels };
}

/** Predicts box and class for the whole test split and scores them. */
async function evaluateBoxes(ds: LoadedDataset): Promise<Evaluated> {
  const n = ds.counts.test;
  const k = ds.numClasses ?? 0;
  const rows = await trainingClient.predict(ds.x.test, [n, ...ds.inputShape], true);
  const width = rows.length / Math.max(1, n);
  if (width !== 4 + k)
    throw new Error(
      `the model gives ${width} values per image; a box and ${k} class probabilities make ${4 + k}`,
    );
  const y = ds.y.test as Float32Array;
  const pred = new Float32Array(n * 4);
  const truth = new Float32Array(n * 4);
  const predClass = new Int32Array(n);
  const trueClass = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = readBoxRow(rows.subarray(i * width, (i + 1) * width));
    const t = readBoxRow(y.subarray(i * width, (i + 1) * width));
    pred.set(p.box, i * 4);
    truth.set(t.box, i * 4);
    predClass[i] = p.cls;
    trueClass[i] = t.cls;
  }
  return { report: boxReport(pred, truth, predClass, trueClass), rows, width };
}

/** Evaluate tab for a box dataset: mean IoU, accuracy at IoU ≥ 0.5, the worst test images, and Try-it. */
export function LocaliseEvaluation({ ds }: { ds: LoadedDataset }) {
  const { t } = useTranslation('domains');
  const evaluate = useCallback(() => evaluateBoxes(ds), [ds]);
  return (
    <DomainEvaluation evaluate={evaluate} action={t('evaluateBoxes')} after={<LocaliseTryIt ds={ds} />}>
      {(result) => <BoxResults ds={ds} result={result} />}
    </DomainEvaluation>
  );
}

function BoxResults({ ds, result }: { ds: LoadedDataset; result: Evaluated }) {
  const { t } = useTranslation('domains');
  const { report } = result;
  return (
    <>
      <p className="eval__headline">{t('meanIoU', { value: fixed(report.meanIoU) })}</p>
      <p className="eval__sub">
        {t('accAtIoU', { value: formatPercent(report.accAtIoU50) })} ·{' '}
        {t('classAccuracy', { value: formatPercent(report.classAccuracy) })} ·{' '}
        {t('boxesSummary', { count: report.ious.length })}
      </p>
      <h3>{t('worstFirst')}</h3>
      <p className="muted small">{t('legend')}</p>
      <ul className="box-gallery" aria-label={t('worstFirst')}>
        {report.worstFirst.slice(0, SHOWN).map((i) => (
          <TestImage key={i} ds={ds} index={i} result={result} />
        ))}
      </ul>
    </>
  );
}

function TestImage({ ds, index, result }: { ds: LoadedDataset; index: number; result: Evaluated }) {
  const { t } = useTranslation('domains');
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height, channels } = dims(ds);
  const size = width * height * channels;
  const w = result.width;
  const pred = readBoxRow(result.rows.subarray(index * w, (index + 1) * w));
  const truth = readBoxRow((ds.y.test as Float32Array).subarray(index * w, (index + 1) * w));
  const names = ds.classNames ?? [];
  useEffect(() => {
    if (!ref.current) return;
    const img: ImagePixels = {
      pixels: ds.x.test.subarray(index * size, (index + 1) * size),
      width,
      height,
      channels,
    };
    drawWithBoxes(ref.current, img, [
      { box: truth.box, color: TRUE },
      { box: pred.box, color: PREDICTED },
    ]);
  }, [ds, index, size, width, height, channels, pred.box, truth.box]);
  const values = {
    index,
    iou: fixed(result.report.ious[index]),
    pred: names[pred.cls] ?? pred.cls,
    truth: names[truth.cls] ?? truth.cls,
  };
  return (
    <li className="box-gallery__item">
      <canvas ref={ref} width={96} height={96} role="img" aria-label={t('imageLabel', values)} />
      <span className="small">{t('imageCaption', values)}</span>
    </li>
  );
}

/** Try-it: a dropped or chosen image, resized like the dataset, with the predicted box drawn on it. */
function LocaliseTryIt({ ds }: { ds: LoadedDataset }) {
  const { t } = useTranslation('domains');
  const ref = useRef<HTMLCanvasElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { width, height, channels } = dims(ds);
  const names = useMemo(() => ds.classNames ?? [], [ds]);
  const run = async (file: File | undefined) => {
    if (!file) return;
    try {
      const pixels = await fileToPixels(file, width, height, channels).catch(() => {
        throw new Error(t('notImage'));
      });
      const row = await trainingClient.predict(pixels, [1, height, width, channels], true);
      const p = readBoxRow(row);
      if (ref.current)
        drawWithBoxes(ref.current, { pixels, width, height, channels }, [{ box: p.box, color: PREDICTED }]);
      const [x, y, w, h] = p.box.map(fixed);
      setText(t('predictedBox', { cls: names[p.cls] ?? p.cls, p: formatPercent(p.p), x, y, w, h }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    void run(e.dataTransfer.files[0]);
  };
  return (
    <div className="tryit-wrap">
      <h3>{i18n.t('evaluate:tryIt')}</h3>
      <section
        className="drop"
        aria-label={i18n.t('evaluate:tryItImage')}
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
      >
        <p>{t('dropImage')}</p>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('chooseImage')}
        </button>
        <input
          ref={fileRef}
          type="file"
          hidden
          accept="image/*"
          aria-label={t('imageFile')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            void run(f);
          }}
        />
      </section>
      <canvas ref={ref} width={160} height={160} role="img" aria-label={t('prediction')} hidden={!text} />
      {text && <p role="status">{text}</p>}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
