import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// WebGPU kernel tests (src/train/engine/kernels/webgpu) run on Dawn + SwiftShader: Dawn dlopen()s
// libvulkan.so.1, which Debian Chromium ships privately; the loader path must be set before workers start.
if (
  !existsSync('/usr/lib/x86_64-linux-gnu/libvulkan.so.1') &&
  existsSync('/usr/lib/chromium/libvulkan.so.1')
) {
  process.env.LD_LIBRARY_PATH = ['/usr/lib/chromium', process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
}

const hasPostgres =
  existsSync('/usr/lib/postgresql') &&
  readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
if (!hasPostgres)
  console.warn(
    '*** PostgreSQL + S3 suites SKIPPED: no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql) ***',
  );

const shared = { environment: 'node', testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      // The server's registry, publish and inference suites once more on PostgreSQL + S3 (real servers that
      // server/test/backends.ts starts).
      ...(hasPostgres
        ? [
            {
              test: {
                ...shared,
                name: 'server-postgres-s3',
                // initdb, s3rver and the app before the first test: minutes on a busy machine.
                hookTimeout: 180_000,
                include: ['server/routes/{registry,publish,inference}.test.ts'],
                env: { TEST_BACKENDS: 'postgres+s3' },
              },
            },
          ]
        : []),
    ],
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest.json' },
  },
});
