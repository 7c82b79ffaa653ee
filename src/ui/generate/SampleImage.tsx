import { useEffect, useRef } from 'react';
import { toRgba } from './images';

/** One generated (or reconstructed) image, drawn pixel for pixel and scaled up by CSS. */
export function SampleImage(props: {
  values: Float32Array;
  index: number;
  dims: { h: number; w: number; c: number };
  label: string;
  size?: number;
}) {
  const { values, index, dims, label, size = 40 } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(toRgba(values, index, dims), dims.w, dims.h), 0, 0);
  }, [values, index, dims]);
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={label}
      className="generate__image"
      width={dims.w}
      height={dims.h}
      style={{ width: size, height: (size * dims.h) / dims.w }}
    />
  );
}
