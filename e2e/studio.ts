import { expect, type Locator, type Page } from '@playwright/test';

/** Page object for the studio's graph editor, driven by mouse and keyboard as a person would. */
export class Studio {
  readonly palette: Locator;
  readonly canvas: Locator;
  constructor(readonly page: Page) {
    this.palette = page.getByRole('navigation', { name: 'Layer palette' });
    this.canvas = page.getByRole('region', { name: 'Model graph' });
  }

  /** Opens the studio on a fresh browser profile and waits for the editor. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.palette).toBeVisible();
    await expect(this.page.getByLabel('Save status')).toHaveText('Saved');
  }

  /** The node of the layer with this name. */
  node(name: string): Locator {
    return this.canvas.locator(`[data-node-name="${name}"]`);
  }

  /** Drags a palette button onto the canvas at (x, y) relative to the canvas. */
  async drag(type: string, x: number, y: number): Promise<void> {
    const button = this.palette.getByRole('button', { name: type, exact: true });
    await button.dragTo(this.canvas.locator('.react-flow__pane'), { targetPosition: { x, y } });
  }

  /** Connects two layers by dragging from one's output port to the other's input port. */
  async connect(from: string, to: string): Promise<void> {
    const src = this.node(from).locator('.react-flow__handle-bottom');
    const dst = this.node(to).locator('.react-flow__handle-top');
    const a = (await src.boundingBox())!;
    const b = (await dst.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Selects a layer by clicking its header. */
  async select(name: string): Promise<void> {
    await this.node(name).locator('.layer-node__head').click();
  }

  /** Opens a template from the gallery. */
  async openTemplate(title: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Templates' }).click();
    await this.page.getByRole('button', { name: `Open template ${title}` }).click();
  }
}
