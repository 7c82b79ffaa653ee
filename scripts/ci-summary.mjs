// Reads the Vitest and Playwright JSON reports and prints one plain closing line: "N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync('reports/vitest.json')) {
  const v = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  console.log(`unit (vitest): ${v.numPassedTests} passed, ${v.numFailedTests} failed`);
} else console.log('unit (vitest): no report (did not run)');
if (existsSync('reports/playwright.json')) {
  const p = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
  const s = p.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  skipped += s.skipped;
  console.log(`e2e (playwright): ${s.expected + s.flaky} passed, ${s.unexpected} failed`);
} else console.log('e2e (playwright): no report (did not run)');
if (existsSync('reports/vitest.json') || existsSync('reports/playwright.json'))
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
