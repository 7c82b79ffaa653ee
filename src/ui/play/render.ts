import { CELL, type RenderFrame } from '../../envs';

/** Colours of grid cells, by `CELL` code. */
const CELL_COLORS: Record<number, string> = {
  [CELL.empty]: '#f8fafc',
  [CELL.wall]: '#334155',
  [CELL.goal]: '#16a34a',
  [CELL.agent]: '#2563eb',
  [CELL.ball]: '#dc2626',
  [CELL.paddle]: '#2563eb',
};

/** Draws one frame of a game to fill the canvas (CartPole: track, cart and pole; grids: one square per cell). */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  frame: RenderFrame,
  width: number,
  height: number,
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (frame.type === 'cartpole') drawCartPole(ctx, frame, width, height);
  else drawGrid(ctx, frame, width, height);
}

function drawCartPole(
  ctx: CanvasRenderingContext2D,
  f: Extract<RenderFrame, { type: 'cartpole' }>,
  width: number,
  height: number,
): void {
  // Gym's renderer: the track spans twice the threshold; the pole is drawn at its full length.
  const scale = width / (2 * f.xThreshold * 1.2);
  const trackY = height * 0.75;
  const cartX = width / 2 + f.x * scale;
  const cartW = 0.5 * scale;
  const cartH = 0.3 * scale;
  ctx.strokeStyle = '#94a3b8';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(width / 2 - f.xThreshold * scale, trackY);
  ctx.lineTo(width / 2 + f.xThreshold * scale, trackY);
  ctx.stroke();
  ctx.fillStyle = '#1e293b';
  ctx.fillRect(cartX - cartW / 2, trackY - cartH / 2, cartW, cartH);
  const poleLen = f.poleLength * scale;
  ctx.strokeStyle = '#d97706';
  ctx.lineWidth = Math.max(3, scale * 0.1);
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(cartX, trackY - cartH / 2);
  ctx.lineTo(cartX + Math.sin(f.theta) * poleLen, trackY - cartH / 2 - Math.cos(f.theta) * poleLen);
  ctx.stroke();
}

function drawGrid(
  ctx: CanvasRenderingContext2D,
  f: Extract<RenderFrame, { type: 'grid' }>,
  width: number,
  height: number,
): void {
  const size = Math.min(width / f.cols, height / f.rows);
  const x0 = (width - size * f.cols) / 2;
  const y0 = (height - size * f.rows) / 2;
  for (let r = 0; r < f.rows; r++)
    for (let c = 0; c < f.cols; c++) {
      const code = f.cells[r * f.cols + c];
      ctx.fillStyle = CELL_COLORS[code] ?? CELL_COLORS[CELL.empty];
      const round = code === CELL.agent || code === CELL.ball;
      if (round) {
        ctx.fillStyle = CELL_COLORS[CELL.empty];
        ctx.fillRect(x0 + c * size, y0 + r * size, size, size);
        ctx.fillStyle = CELL_COLORS[code];
        ctx.beginPath();
        ctx.arc(x0 + (c + 0.5) * size, y0 + (r + 0.5) * size, size * 0.38, 0, 2 * Math.PI);
        ctx.fill();
      } else ctx.fillRect(x0 + c * size, y0 + r * size, size, size);
      ctx.strokeStyle = '#e2e8f0';
      ctx.strokeRect(x0 + c * size, y0 + r * size, size, size);
    }
}
