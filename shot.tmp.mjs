import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://127.0.0.1:4399/';
const out = process.argv[3] ?? '/tmp/shot.png';
const tab = process.argv[4];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(url);
await page.getByRole('button', { name: 'Templates' }).click();
await page.getByRole('button', { name: 'Open template CNN for MNIST digits' }).click();
await page.waitForTimeout(800);
if (tab) { await page.getByRole('tab', { name: tab }).click(); await page.waitForTimeout(3000); }
await page.screenshot({ path: out });
await browser.close();
