import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

import { E2E_PORT as PORT, E2E_TOKEN } from './e2e/env';
const systemChromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Quiet offline start (DESIGN.md) + WebGPU in software through SwiftShader, so the real WebGPU path is exercised.
const args = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    ['json', { outputFile: 'reports/playwright.json' }],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: systemChromium, args },
  },
  webServer: {
    // The real serving endpoint, which also serves the built studio, on a fresh data directory.
    command: `DATA_DIR=$(mktemp -d) PORT=${PORT} HOST=127.0.0.1 MODEL_STUDIO_TOKEN=${E2E_TOKEN} npx tsx server/main.ts`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
