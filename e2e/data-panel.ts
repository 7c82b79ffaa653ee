import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';

/** A file under e2e/fixtures/data/. */
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/data/${name}`, import.meta.url));

/** A file made by the test itself, as `setInputFiles` takes it. */
export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Page object for the data panel in the right sidebar. */
export class DataPanelPage {
  readonly panel: Locator;
  readonly dataset: Locator;
  readonly alert: Locator;
  readonly facts: Locator;
  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Data' });
    this.dataset = this.panel.getByRole('combobox', { name: 'Dataset', exact: true });
    this.alert = this.panel.getByRole('alert');
    this.facts = this.panel.getByRole('definition');
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Data' }).click();
    await expect(this.dataset).toBeVisible();
  }

  /** The value next to a fact's name ("Training", "Test", "Memory" …). */
  fact(name: string): Locator {
    return this.panel
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .locator('xpath=following-sibling::dd[1]');
  }

  /** Picks an upload kind in the Dataset combobox and gives its file input a fixture (by name) or a made file. */
  async upload(kind: string, label: string, file: string | FilePayload): Promise<void> {
    await this.dataset.selectOption({ label: kind });
    await this.panel
      .getByLabel(label, { exact: true })
      .setInputFiles(typeof file === 'string' ? fixture(file) : file);
  }
}
