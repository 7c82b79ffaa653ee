import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Canvas resolution: 10 × MNIST, so a mouse stroke is smooth before it is downsampled. */
const SIZE = 280;
const BRUSH = 24;

interface DrawPadProps {
  /** Called after each stroke with the drawing as grey values 0–1 (SIZE × SIZE, row-major). */
  onStroke(gray: Float32Array, width: number, height: number): void;
  /** Changes to this number clear the pad. */
  clearKey: number;
}

function readGray(canvas: HTMLCanvasElement): Float32Array {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const { data } = ctx.getImageData(0, 0, SIZE, SIZE);
  const gray = new Float32Array(SIZE * SIZE);
  for (let i = 0; i < gray.length; i++) gray[i] = data[i * 4] / 255;
  return gray;
}

/** A black pad to draw on with the mouse, pen or finger in white (as MNIST digits are). */
export function DrawPad({ onStroke, clearKey }: DrawPadProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { t } = useTranslation('evaluate');
  const last = useRef<{ x: number; y: number } | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: clearKey is the signal to clear
  useEffect(() => {
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.fillStyle = '#000';
    ctx.fillRect(0, 0, SIZE, SIZE);
  }, [clearKey]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIZE, y: ((e.clientY - r.top) / r.height) * SIZE };
  };
  const draw = (to: { x: number; y: number }) => {
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = BRUSH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
    last.current = to;
  };
  return (
    <canvas
      ref={ref}
      width={SIZE}
      height={SIZE}
      className="tryit__canvas"
      aria-label={t('drawPad')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        last.current = null;
        draw(point(e));
      }}
      onPointerMove={(e) => {
        if (last.current) draw(point(e));
      }}
      onPointerUp={(e) => {
        if (!last.current || !ref.current) return;
        draw(point(e));
        last.current = null;
        onStroke(readGray(ref.current), SIZE, SIZE);
      }}
    />
  );
}

/** Shows a model input image (grey, first channel) at a few pixels per cell: what the model actually sees. */
export function InputPreview({
  input,
  width,
  height,
  channels,
}: {
  input: Float32Array;
  width: number;
  height: number;
  channels: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const { t } = useTranslation('evaluate');
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(width, height);
    for (let p = 0; p < width * height; p++) {
      const v = Math.round(input[p * channels] * 255);
      img.data.set([v, v, v, 255], p * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [input, width, height, channels]);
  return <canvas ref={ref} width={width} height={height} role="img" aria-label={t('modelInput')} />;
}
