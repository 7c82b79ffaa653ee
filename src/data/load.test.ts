import { describe, expect, it } from 'vitest';
import { cachedTable } from './load';

describe('cachedTable', () => {
  it('reuses an inspection parse when the load names the options it detected', async () => {
    const file = new Blob([`x;y;label\n${'1;2;a\n3;4;b\n'.repeat(200)}`]);
    let reads = 0;
    const count = () => reads++;
    const inspected = await cachedTable(file, 'p/big.csv', {}, count);
    expect(inspected.delimiter).toBe(';');
    expect(inspected.hasHeader).toBe(true);
    const readsAfterInspect = reads;
    expect(readsAfterInspect).toBeGreaterThan(0);
    const loaded = await cachedTable(file, 'p/big.csv', { delimiter: ';', hasHeader: true }, count);
    expect(loaded).toBe(inspected);
    expect(reads).toBe(readsAfterInspect);
    const other = await cachedTable(file, 'p/big.csv', { delimiter: ';', hasHeader: false }, count);
    expect(other).not.toBe(inspected);
    expect(other.rows).toBe(inspected.rows + 1);
  });
});
