import type { ImageDecoder } from './decode';

/** Decodes with the browser's own codecs (createImageBitmap + OffscreenCanvas); works in workers. */
export const browserDecoder: ImageDecoder = async (bytes, type, width, height) => {
  const blob = new Blob([bytes as BlobPart], { type });
  const bitmap = await createImageBitmap(blob, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'high',
  });
  try {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height).data;
  } finally {
    bitmap.close();
  }
};
