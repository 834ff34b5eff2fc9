import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from './heap-growth.ts';

describe('limitHeapGrowth', () => {
  it('sets the growth cap when the command line does not', () => {
    const flags: string[] = [];
    expect(limitHeapGrowth(['--enable-source-maps'], (f) => flags.push(f))).toBe(true);
    expect(flags).toEqual([`--heap-growing-percent=${HEAP_GROWING_PERCENT}`]);
  });

  it('leaves a value given on the command line alone', () => {
    const flags: string[] = [];
    expect(limitHeapGrowth(['--heap-growing-percent=80'], (f) => flags.push(f))).toBe(false);
    expect(limitHeapGrowth(['--heap-growing-percent', '80'], (f) => flags.push(f))).toBe(false);
    expect(flags).toEqual([]);
  });

  it("names a flag this Node's V8 knows (V8 reports unknown flags on stderr)", () => {
    const known = spawnSync(process.execPath, [
      '-e',
      `require('node:v8').setFlagsFromString('--heap-growing-percent=${HEAP_GROWING_PERCENT}')`,
    ]);
    const unknown = spawnSync(process.execPath, [
      '-e',
      "require('node:v8').setFlagsFromString('--heap-growing-percentage=50')",
    ]);
    expect(known.status).toBe(0);
    expect(known.stderr.toString()).toBe('');
    // The control: the same call with a misspelled flag does complain, so the check above can fail.
    expect(unknown.stderr.toString()).toMatch(/heap-growing-percentage/);
  });
});
