import { describe, expect, it } from 'vitest';
import { groupFrames, languageOf, normalizeFrame } from './normalize-frame.ts';

describe('normalizeFrame', () => {
  it('reads Sentry API frames (camelCase, context pairs)', () => {
    const frame = normalizeFrame({
      filename: 'app/cart.js',
      function: 'pay',
      lineNo: 3,
      colNo: 9,
      inApp: true,
      context: [[3, 'pay()']],
    });
    expect(frame).toMatchObject({
      filename: 'app/cart.js',
      lineNo: 3,
      colNo: 9,
      inApp: true,
      context: [[3, 'pay()']],
    });
  });

  it('builds context pairs from pre/post context lines', () => {
    const frame = normalizeFrame({
      abs_path: '/srv/app.py',
      lineno: 10,
      in_app: false,
      pre_context: ['a', 'b'],
      context_line: 'c',
      post_context: ['d'],
    });
    expect(frame.filename).toBe('/srv/app.py');
    expect(frame.inApp).toBe(false);
    expect(frame.context).toEqual([
      [8, 'a'],
      [9, 'b'],
      [10, 'c'],
      [11, 'd'],
    ]);
  });
});

describe('groupFrames', () => {
  const f = (name: string, inApp: boolean) => normalizeFrame({ filename: name, in_app: inApp });

  it('puts the newest frame first and folds runs of system frames', () => {
    const groups = groupFrames([
      f('node:internal', false),
      f('node:timers', false),
      f('app.js', true),
      f('lib.js', false),
    ]);
    expect(
      groups.map((g) => (g.kind === 'app' ? g.frame.filename : g.frames.map((x) => x.frame.filename))),
    ).toEqual([['lib.js'], 'app.js', ['node:timers', 'node:internal']]);
  });

  it('shows every frame when none is in-app', () => {
    expect(groupFrames([f('a', false), f('b', false)]).map((g) => g.kind)).toEqual(['app', 'app']);
  });
});

describe('languageOf', () => {
  it('picks the highlighter language from the file extension, then the platform', () => {
    expect(languageOf('src/a.tsx', 'javascript')).toBe('tsx');
    expect(languageOf('views.py', undefined)).toBe('python');
    expect(languageOf('<module>', 'python')).toBe('python');
  });
});
