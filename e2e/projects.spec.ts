import { expect, test } from '@playwright/test';
import { Studio } from './studio';

test('projects: create, rename, duplicate, open and delete; each keeps its own graph', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('MLP for tabular data');
  await page.getByLabel('Project name').fill('Iris MLP');
  await expect(page.getByLabel('Save status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Projects' }).click();
  const dialog = page.getByRole('dialog', { name: 'Projects' });
  await dialog.getByRole('button', { name: 'New project' }).click();
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(0);
  await expect(page.getByLabel('Project name')).toHaveValue('Untitled project');
  await studio.openTemplate('CNN for MNIST digits');
  await expect(page.getByLabel('Save status')).toHaveText('Saved');

  await page.getByRole('button', { name: 'Projects' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  const iris = dialog
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Name of project Iris MLP', { exact: true }) });
  await iris.getByRole('button', { name: 'Duplicate' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(3);
  const copy = dialog.getByLabel('Name of project Iris MLP (copy)');
  await copy.fill('Iris MLP v2');
  await copy.blur();
  await expect(dialog.getByLabel('Name of project Iris MLP v2')).toBeVisible();

  await iris.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByLabel('Project name')).toHaveValue('Iris MLP');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(4);

  await page.getByRole('button', { name: 'Projects' }).click();
  page.once('dialog', (d) => void d.accept());
  const v2 = dialog
    .getByRole('listitem')
    .filter({ has: page.getByLabel('Name of project Iris MLP v2', { exact: true }) });
  await v2.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog.getByRole('listitem')).toHaveCount(2);
  await page.reload();
  await expect(page.getByLabel('Project name')).toHaveValue('Iris MLP');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(4);
});
