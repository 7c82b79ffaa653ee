// Runs the Playwright suite in real Chromium: the system Chromium when there is one (CHROMIUM_PATH or
// /usr/bin/chromium), otherwise Playwright's own, installed on first use. Builds the studio first.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const system = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : null);
if (!system) {
  console.log('No system Chromium found: installing Playwright’s Chromium (one time).');
  run('npx', ['playwright', 'install', 'chromium']);
}
if (!process.argv.includes('--no-build')) run('npm', ['run', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')]);
