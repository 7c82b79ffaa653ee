import { expect, type Locator, type Page } from '@playwright/test';
import { Studio } from './studio';

/** Opens the reference CNN template ("CNN for MNIST digits") on MNIST, with the Train tab showing. */
export async function openReferenceCnn(page: Page): Promise<TrainingPanelPage> {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('CNN for MNIST digits');
  await expect(studio.canvas.getByText('(None, 10)').first()).toBeVisible();
  const train = new TrainingPanelPage(page);
  await train.open();
  return train;
}

/** Page object for the training panel (sidebar tab "Train"). */
export class TrainingPanelPage {
  readonly panel: Locator;
  readonly backend: Locator;
  readonly progress: Locator;
  readonly epochs: Locator;
  readonly alert: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Training' });
    this.backend = this.panel.locator('output[aria-label="Backend"]');
    this.progress = this.panel.getByRole('status', { name: 'Training progress' });
    this.epochs = this.panel.getByRole('list', { name: 'Epochs' }).getByRole('listitem');
    this.alert = this.panel.getByRole('alert');
  }

  /** The button with this exact name. */
  button(name: 'Train' | 'Pause' | 'Resume' | 'Stop'): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  /** Chooses the dataset in the Data tab and opens the Train tab. */
  async open(dataset = 'MNIST digits'): Promise<void> {
    await this.page.getByRole('tab', { name: 'Data' }).click();
    const data = this.page.getByRole('region', { name: 'Data' });
    await data.getByRole('combobox', { name: 'Dataset', exact: true }).selectOption({ label: dataset });
    await expect(data.getByText(/Training/).first()).toBeVisible();
    await this.openTab();
  }

  /** Opens the Train tab. */
  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Train' }).click();
    await expect(this.button('Train')).toBeVisible();
  }

  /** Fills the settings a quick run needs. */
  async configure(s: {
    backend: string;
    epochs: number;
    samples: number;
    batchSize?: number;
    learningRate?: number;
  }): Promise<void> {
    await this.panel.getByRole('combobox', { name: 'Backend', exact: true }).selectOption(s.backend);
    await this.field('Epochs').fill(String(s.epochs));
    await this.field('Training samples (limit)').fill(String(s.samples));
    await this.field('Batch size').fill(String(s.batchSize ?? 16));
    await this.field('Learning rate').fill(String(s.learningRate ?? 0.005));
  }

  /** The settings input with this label (the epoch log is also named "Epochs", so match inputs only). */
  field(label: string): Locator {
    return this.panel.locator('input').and(this.panel.getByLabel(label, { exact: true }));
  }

  /** The training loss of each finished epoch, read from the epoch log. */
  async epochLosses(): Promise<number[]> {
    const texts = await this.epochs.allTextContents();
    return texts.map((t) => Number(t.match(/: loss ([\d.]+)/)?.[1]));
  }

  /** The live tensor count the worker reported after each finished epoch ("tensors 42"), from the epoch log. */
  async epochTensors(): Promise<number[]> {
    const texts = await this.epochs.allTextContents();
    return texts.map((t) => Number(t.match(/tensors (\d+)/)?.[1]));
  }

  /** The batch counter of the progress line ("batch 7/16"). */
  async batch(): Promise<string> {
    return (await this.progress.textContent())?.match(/Epoch \d+\/\d+ · batch \d+/)?.[0] ?? '';
  }
}
