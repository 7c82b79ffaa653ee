import type { Graph, GraphInfo, GraphNode, NodeInfo } from '../../graph';
import { formatShape } from '../../graph';
import { i18n } from '../../i18n';
import { shapeMessage } from '../graph-text';

import { NODE_HEIGHT, NODE_WIDTH } from '../../state/layout';

const MARGIN = 24;
const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function nodeBox(n: GraphNode, info: NodeInfo | undefined, dx: number, dy: number): string {
  const x = n.position.x + dx;
  const y = n.position.y + dy;
  const bad = info?.status !== 'ok';
  const shape = info?.shape
    ? formatShape(info.shape)
    : info?.message
      ? shapeMessage(info.message, info.detail)
      : '';
  const params = info ? info.count.trainable + info.count.nonTrainable : 0;
  const short = shape.length > 34 ? `${shape.slice(0, 33)}…` : shape;
  return [
    `<g transform="translate(${x},${y})">`,
    `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="10" fill="${bad ? '#fdecea' : '#ffffff'}" stroke="${bad ? '#c4321f' : '#9aa8c2'}" stroke-width="1.5"/>`,
    `<text x="12" y="24" font-weight="700" font-size="14">${esc(n.type)}</text>`,
    `<text x="12" y="48" font-size="13" font-family="ui-monospace, monospace" fill="${bad ? '#c4321f' : '#1c2433'}">${esc(short)}</text>`,
    `<text x="12" y="72" font-size="12" fill="#667085">${esc(n.name)} · ${esc(i18n.t('canvas:paramCount', { count: params }))}</text>`,
    '</g>',
  ].join('');
}

/** The graph as a standalone SVG document: boxes with type, name, shape and parameters, joined by edges. */
export function graphToSvg(graph: Graph, info: GraphInfo): string {
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const minX = Math.min(0, ...xs);
  const minY = Math.min(0, ...ys);
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const width = Math.max(...xs.map((x) => x + dx), 0) + NODE_WIDTH + MARGIN;
  const height = Math.max(...ys.map((y) => y + dy), 0) + NODE_HEIGHT + MARGIN;
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const edges = graph.edges.map((e) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) return '';
    const [x1, y1] = [s.position.x + dx + NODE_WIDTH / 2, s.position.y + dy + NODE_HEIGHT];
    const [x2, y2] = [t.position.x + dx + NODE_WIDTH / 2, t.position.y + dy];
    const mid = (y1 + y2) / 2;
    return `<path d="M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}" fill="none" stroke="#7b8aa8" stroke-width="1.5" marker-end="url(#arrow)"/>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#7b8aa8"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#f5f7fb"/>`,
    ...edges,
    ...graph.nodes.map((n) => nodeBox(n, info.nodes.get(n.id), dx, dy)),
    '</svg>',
  ].join('\n');
}

/** Rasterises an SVG document to a PNG blob through a canvas (2× for sharp text). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width * scale;
    canvas.height = img.height * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(i18n.t('export:noCanvas'));
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error(i18n.t('export:pngFailed')))),

        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offers data to the person as a downloaded file. */
export function downloadFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe version of the project name. */
export function fileBase(projectName: string): string {
  return (
    projectName
      .trim()
      .replace(/[^\w.-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'model'
  );
}
