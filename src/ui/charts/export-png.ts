/** Saving charts as files: an SVG chart → canvas → PNG (with its title and legend), and plain downloads. */
import { i18n } from '../../i18n';

/** A legend entry drawn under the exported chart. */
export interface LegendItem {
  name: string;
  color: string;
}

const SCALE = 2;
const PAD = 12;
const TITLE_H = 22;
const LEGEND_ROW = 18;

/** Offers a blob to the person as a file download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a tick later is enough.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The chart's SVG as a standalone document (fonts and colours inlined, since page CSS does not travel). */
function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = 'text { font-family: system-ui, sans-serif; font-size: 11px; }';
  clone.prepend(style);
  return new XMLSerializer().serializeToString(clone);
}

async function svgImage(markup: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

function drawLegend(ctx: CanvasRenderingContext2D, items: LegendItem[], top: number, width: number): void {
  let x = PAD;
  let y = top + LEGEND_ROW / 2;
  ctx.textBaseline = 'middle';
  for (const item of items) {
    const w = 18 + ctx.measureText(item.name).width + 14;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      y += LEGEND_ROW;
    }
    ctx.fillStyle = item.color;
    ctx.fillRect(x, y - 5, 12, 10);
    ctx.fillStyle = '#1c2433';
    ctx.fillText(item.name, x + 18, y);
    x += w;
  }
}

/** Renders the chart in `figure` (its recharts SVG) with a title and legend into a PNG. */
export async function chartToPng(figure: HTMLElement, title: string, legend: LegendItem[]): Promise<Blob> {
  const svg = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) throw new Error(i18n.t('charts:noChart'));
  const { width, height } = svg.getBoundingClientRect();
  const img = await svgImage(standaloneSvg(svg, width, height));
  const legendRows = Math.max(1, Math.ceil(legend.length / 3));
  const canvas = document.createElement('canvas');
  const totalH = TITLE_H + height + legendRows * LEGEND_ROW + PAD;
  canvas.width = Math.ceil(width * SCALE);
  canvas.height = Math.ceil(totalH * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(i18n.t('charts:noCanvas'));

  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, totalH);
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.fillStyle = '#1c2433';
  ctx.textBaseline = 'middle';
  ctx.fillText(title, PAD, TITLE_H / 2 + 2);
  ctx.drawImage(img, 0, TITLE_H, width, height);
  ctx.font = '12px system-ui, sans-serif';
  drawLegend(ctx, legend, TITLE_H + height, width);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'),
  );
}
