import { readFileSync, statSync } from 'node:fs';
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

test('a saved project file opens again as the same model; exports download real files', async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.openTemplate('Residual block');
  await page.getByLabel('Project name').fill('ResNet block');

  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save project file' }).click();
  const file = await (await saving).path();
  const doc = JSON.parse(readFileSync(file, 'utf8')) as {
    format: string;
    version: number;
    graph: { nodes: unknown[] };
  };
  expect(doc.format).toBe('model-studio/project');
  expect(doc.version).toBe(1);
  expect(doc.graph.nodes).toHaveLength(8);

  await studio.openTemplate('MLP for tabular data');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(4);
  await page.getByLabel('Project file').setInputFiles(file);
  await expect(page.getByLabel('Project name')).toHaveValue('ResNet block');
  await expect(studio.canvas.locator('.layer-node')).toHaveCount(8);
  await expect(studio.node('add')).toContainText('(None, 14, 14, 16)');

  for (const [item, name] of [
    ['TF.js model files', /\.json$|\.bin$/],
    ['Graph image (SVG)', /\.svg$/],
    ['Graph image (PNG)', /\.png$/],
  ] as const) {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: item }).click();
    const got = await download;
    expect(got.suggestedFilename()).toMatch(name);
    expect(statSync(await got.path()).size).toBeGreaterThan(100);
  }
});
