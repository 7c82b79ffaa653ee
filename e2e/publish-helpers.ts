import { expect, type Locator, type Page } from '@playwright/test';
import { E2E_PORT, E2E_TOKEN } from './env';

/** Publishes the project's trained model through the dialog as version 1 of `name`; returns the dialog. */
export async function publishTrained(page: Page, name: string): Promise<Locator> {
  const publish = page.getByRole('button', { name: 'Publish', exact: true });
  await expect(publish).toBeEnabled({ timeout: 15_000 });
  await publish.click();
  const dialog = page.getByRole('dialog', { name: 'Publish' });
  await dialog.getByLabel('Model name').fill(name);
  await dialog.getByLabel('Token').fill(E2E_TOKEN);
  await dialog.getByRole('button', { name: 'Publish version' }).click();
  await expect(dialog.getByTestId('published-version')).toHaveText('1', { timeout: 90_000 });
  return dialog;
}

/** POSTs `body` to version 1's `:predict` on the e2e server; the status and the parsed answer. */
export async function predict(
  name: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${E2E_PORT}/v1/models/${name}/versions/1:predict`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}
