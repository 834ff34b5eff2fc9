import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { disablePretenuring } from './pretenuring.ts';

/** Keeps many objects from one allocation site alive: V8 decides to pretenure that site. */
const SURVIVORS = `
  const keep = [];
  const make = (i) => ({ i, list: [i], text: 'x' + i });
  for (let round = 0; round < 40; round++) {
    for (let i = 0; i < 20000; i++) keep.push(make(i));
    if (keep.length > 400000) keep.length = 0;
  }`;

function tenureDecisions(setup: string): number {
  const child = spawnSync(process.execPath, ['--trace-pretenuring-statistics', '-e', setup + SURVIVORS]);
  expect(child.status).toBe(0);
  return (child.stdout.toString().match(/=> tenure/g) ?? []).length;
}

describe('disablePretenuring', () => {
  it('turns pretenuring off unless the command line names it', () => {
    const flags: string[] = [];
    expect(disablePretenuring(['--enable-source-maps'], (f) => flags.push(f))).toBe(true);
    expect(flags).toEqual(['--no-allocation-site-pretenuring']);
    expect(disablePretenuring(['--allocation-site-pretenuring'], (f) => flags.push(f))).toBe(false);
    expect(disablePretenuring(['--no-allocation-site-pretenuring'], (f) => flags.push(f))).toBe(false);
    expect(flags).toHaveLength(1);
  });

  it('takes effect when set at run time', () => {
    // The control: the same program without the call does pretenure, so the zero below can fail.
    expect(tenureDecisions('')).toBeGreaterThan(0);
    expect(
      tenureDecisions("require('node:v8').setFlagsFromString('--no-allocation-site-pretenuring');"),
    ).toBe(0);
  });
});
