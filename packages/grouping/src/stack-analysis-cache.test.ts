import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BoundedLru } from './bounded-lru.ts';
import { computeGrouping, type GroupingOptions } from './index.ts';
import { clearStackAnalysisCache } from './stack-analysis-cache.ts';
import { readFrames, type StackFrame } from './stack-frame.ts';
import { SIGNATURE_FIELDS, sameFrame } from './stack-signature.ts';

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/fixtures/sentry-grouping/inputs',
);

function optionsFor(input: Record<string, unknown>): GroupingOptions {
  const grouping = input._grouping as { enhancements?: string } | undefined;
  return grouping?.enhancements ? { enhancements: grouping.enhancements } : {};
}

function nodeEvent(frames: Record<string, unknown>[], type = 'TypeError') {
  return { platform: 'node', exception: { values: [{ type, value: 'boom', stacktrace: { frames } }] } };
}

function frame(overrides: Record<string, unknown> = {}) {
  return {
    filename: '/srv/app/handler.js',
    abs_path: '/srv/app/handler.js',
    module: 'handler',
    function: 'handle',
    lineno: 10,
    colno: 5,
    context_line: '  return user.name;',
    in_app: true,
    ...overrides,
  };
}

/** Cold result (empty cache) for each event, then warm results after every event was seen twice. */
function coldAndWarm(events: Record<string, unknown>[], options: GroupingOptions = {}) {
  const cold = events.map((event) => {
    clearStackAnalysisCache();
    return computeGrouping(structuredClone(event), options);
  });
  for (const event of events) computeGrouping(structuredClone(event), options);
  const warm = events.map((event) => computeGrouping(structuredClone(event), options));
  return { cold, warm };
}

describe.skipIf(!existsSync(FIXTURES))('stack analysis cache on the conformance inputs', () => {
  it('gives the same results cold and warm for every input', () => {
    const inputs = readdirSync(FIXTURES)
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as Record<string, unknown>);
    expect(inputs.length).toBeGreaterThanOrEqual(72);
    for (const input of inputs) {
      const options = optionsFor(input);
      clearStackAnalysisCache();
      const cold = computeGrouping(structuredClone(input), options);
      const warm = computeGrouping(structuredClone(input), options);
      const again = computeGrouping(structuredClone(input), options);
      expect(warm).toEqual(cold);
      expect(again).toEqual(cold);
    }
    // With every input cached at once, no stack may pick up another one's outcome.
    const together = inputs.map((input) => computeGrouping(structuredClone(input), optionsFor(input)));
    inputs.forEach((input, i) => {
      clearStackAnalysisCache();
      expect(together[i]).toEqual(computeGrouping(structuredClone(input), optionsFor(input)));
    });
  });
});

describe('stack analysis cache', () => {
  it('tells apart stacks that differ only in abs_path under node_modules', () => {
    const main = frame({ function: 'main', lineno: 1 });
    const events = [
      nodeEvent([main, frame({ filename: 'handler.js' })]),
      nodeEvent([main, frame({ filename: 'handler.js', abs_path: '/srv/node_modules/lib/handler.js' })]),
    ];
    const { cold, warm } = coldAndWarm(events);
    expect(warm).toEqual(cold);
    expect(warm.map((r) => r.primaryVariant)).toEqual(['app', 'app']);
    expect(warm[0]?.primaryHash).not.toBe(warm[1]?.primaryHash);
  });

  it('tells apart stacks that differ only in a context line, in_app or the frame order', () => {
    const events = [
      nodeEvent([frame(), frame({ function: 'inner', lineno: 20 })]),
      nodeEvent([frame(), frame({ function: 'inner', lineno: 20, context_line: 'throw err;' })]),
      nodeEvent([frame(), frame({ function: 'inner', lineno: 20, in_app: false })]),
      nodeEvent([frame({ function: 'inner', lineno: 20 }), frame()]),
    ];
    const { cold, warm } = coldAndWarm(events);
    expect(warm).toEqual(cold);
    expect(new Set(warm.map((r) => r.primaryHash)).size).toBe(4);
  });

  it('keys on the exception only when a rule reads it, also from a caller matcher', () => {
    for (const enhancements of [
      'error.type:Special function:handle -group',
      '[ error.type:Special ] | function:inner -group',
    ]) {
      const frames = [frame(), frame({ function: 'inner' })];
      const events = [nodeEvent(frames), nodeEvent(frames, 'Special')];
      const { cold, warm } = coldAndWarm(events, { enhancements });
      expect(warm).toEqual(cold);
      // The rule applies to the Special error only.
      const plain = events.map((event) => computeGrouping(structuredClone(event)).primaryHash);
      expect(warm[0]?.primaryHash).toBe(plain[0]);
      expect(warm[1]?.primaryHash).not.toBe(plain[1]);
    }
  });

  it('compares every signature field of a frame', () => {
    const [base] = readFrames([frame({ package: 'p', platform: 'node', raw_function: 'r' })]) as StackFrame[];
    expect(base).toBeDefined();
    const original = base as StackFrame;
    expect(sameFrame(original, original.inApp, original.category, { ...original })).toBe(true);
    for (const field of SIGNATURE_FIELDS) {
      const changed = { ...original, [field]: typeof original[field] === 'boolean' ? !original[field] : 'x' };
      const verdict = sameFrame(original, original.inApp, original.category, changed as StackFrame);
      expect({ field, same: verdict }).toEqual({ field, same: false });
    }
  });
});

describe('BoundedLru', () => {
  it('keeps recently used entries and never grows past its capacity', () => {
    const lru = new BoundedLru<number, number>(4);
    for (let i = 0; i < 100; i++) {
      lru.set(i, i * 2);
      expect(lru.get(0) ?? 0).toBe(0);
      expect(lru.size).toBeLessThanOrEqual(4);
    }
    expect(lru.get(0)).toBe(0);
    expect(lru.get(99)).toBe(198);
    expect(lru.get(1)).toBeUndefined();
  });
});
