import { describe, expect, it } from 'vitest';
import { eventStackFrames } from './event-stack-frames.ts';

describe('eventStackFrames', () => {
  it('takes the main (last) exception, innermost frame first', () => {
    const frames = eventStackFrames({
      platform: 'node',
      exception: {
        values: [
          { type: 'Error', stacktrace: { frames: [{ filename: '/app/cause.js', lineno: 1 }] } },
          {
            type: 'TypeError',
            stacktrace: {
              frames: [
                { filename: '/app/src/server.js', function: 'handle', lineno: 10, in_app: true },
                { filename: '/app/src/cart.js', abs_path: '/app/src/cart.js', function: 'total', lineno: 4, colno: 9, in_app: true, context_line: 'x' },
              ],
            },
          },
        ],
      },
    }); // prettier-ignore
    expect(frames.map((f) => [f.depth, f.function, f.lineno])).toEqual([
      [0, 'total', 4],
      [1, 'handle', 10],
    ]);
    expect(frames[0]).toMatchObject({
      paths: ['/app/src/cart.js'],
      contextLine: 'x',
      symbolicated: false,
      platform: 'node',
      colno: 9,
    });
  });

  it('understands Sentry source-map layouts: raw_stacktrace and frame.raw', () => {
    const [viaRawStack] = eventStackFrames({
      exception: {
        values: [
          {
            stacktrace: {
              frames: [{ abs_path: 'webpack:///./src/cart.ts', lineno: 12, data: { sourcemap: 'x.js.map' } }],
            },
            raw_stacktrace: { frames: [{ abs_path: 'app:///dist/x.js', lineno: 1 }] },
          },
        ],
      },
    });
    expect(viaRawStack).toMatchObject({
      paths: ['webpack:///./src/cart.ts'],
      runtimePath: 'app:///dist/x.js',
      symbolicated: true,
      lineno: 12,
    });
    const [viaRaw] = eventStackFrames({
      stacktrace: {
        frames: [
          {
            abs_path: 'webpack:///./src/cart.ts',
            lineno: 3,
            raw: { abs_path: 'https://cdn.test/x.js', lineno: 1 },
          },
        ],
      },
    });
    expect(viaRaw).toMatchObject({ runtimePath: 'https://cdn.test/x.js', symbolicated: true, lineno: 3 });
  });

  it('falls back to the crashed thread, and copes with junk', () => {
    const frames = eventStackFrames({
      exception: { values: [{ type: 'Error' }] },
      threads: {
        values: [
          { crashed: false },
          {
            crashed: true,
            stacktrace: { frames: [null, 'x', { filename: 'main.py', module: 'app.main', lineno: 2 }] },
          },
        ],
      },
    });
    expect(frames).toEqual([expect.objectContaining({ paths: ['main.py'], module: 'app.main', depth: 0 })]);
    expect(eventStackFrames({ exception: 'nope' })).toEqual([]);
  });
});
