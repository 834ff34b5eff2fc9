import { runInThisContext } from 'node:vm';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import type { ArtifactFile, ArtifactFileType, ArtifactUrlQuery } from '@fixloop/core';
import { EventSymbolicator } from './event-symbolicator.ts';
import type { ArtifactLookup } from './source-map-resolver.ts';

const SOURCE = `export function run(items: number[]): number {
  return handleCheckout(items);
}

function handleCheckout(cart: number[]): number {
  const total = computeTotal(cart);
  return total * 2;
}

function computeTotal(cart: number[]): number {
  if (cart.length > 1) {
    throw new Error('broken total ' + cart.length);
  }
  return cart.length;
}
`;
const BUNDLE_URL = 'http://localhost/static/bundle.js';
const DEBUG_ID = '7e8be53c-1f6d-5bde-a2df-21a9a022d0b9';

/** A real minified bundle and map, run to get the stack trace a browser SDK would report. */
function minifiedCrash() {
  const built = transformSync(SOURCE, {
    loader: 'ts',
    minify: true,
    format: 'iife',
    globalName: 'app',
    sourcemap: 'external',
    sourcefile: 'src/checkout.ts',
    sourcesContent: true,
  });
  const code = `${built.code}//# sourceMappingURL=bundle.js.map\n`;
  const app = runInThisContext(`${code};app`, { filename: BUNDLE_URL }) as { run(items: number[]): number };
  let stack = '';
  try {
    app.run([1, 2, 3]);
  } catch (error) {
    stack = (error as Error).stack ?? '';
  }
  const frames = stack
    .split('\n')
    .map((line) => /at (?:(\S+) \()?(\S+):(\d+):(\d+)\)?$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null && m[2] === BUNDLE_URL)
    .map((m) => ({
      function: m[1],
      abs_path: BUNDLE_URL,
      filename: BUNDLE_URL,
      lineno: Number(m[3]),
      colno: Number(m[4]),
      in_app: true,
    }))
    .reverse();
  return { code, map: built.map, frames };
}

interface StoredFile extends ArtifactFile {
  release?: string;
}

class MemoryArtifacts implements ArtifactLookup {
  constructor(private readonly files: StoredFile[]) {}
  async findByDebugId(_projectId: number, debugId: string, types: ArtifactFileType[]) {
    return this.files.filter((f) => f.debugId === debugId && f.type !== null && types.includes(f.type));
  }
  async findByUrl(query: ArtifactUrlQuery) {
    return this.files.filter((f) => f.release === query.release && query.urls.includes(f.url));
  }
}

const file = (
  url: string,
  type: ArtifactFileType | null,
  content: string,
  extra: Partial<StoredFile> = {},
): StoredFile => ({
  key: url,
  url,
  type,
  debugId: null,
  headers: {},
  content: new TextEncoder().encode(content),
  ...extra,
});

function event(
  frames: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    platform: 'javascript',
    exception: { values: [{ type: 'Error', value: 'broken total 3', stacktrace: { frames } }] },
    ...extra,
  };
}

const exceptionOf = (e: Record<string, unknown>) =>
  (e['exception'] as { values: Record<string, { frames: Record<string, unknown>[] }>[] }).values[0] ?? {};

describe('EventSymbolicator', () => {
  const crash = minifiedCrash();

  it('maps frames by debug id to original file, line, function and context, keeping the raw frames', async () => {
    expect(crash.frames.length).toBe(3);
    const artifacts = new MemoryArtifacts([
      file('~/static/bundle.js', 'minified_source', crash.code, { debugId: DEBUG_ID }),
      file('~/static/bundle.js.map', 'source_map', crash.map, { debugId: DEBUG_ID }),
    ]);
    const raw = event(crash.frames, {
      debug_meta: {
        images: [{ type: 'sourcemap', code_file: BUNDLE_URL, debug_id: DEBUG_ID.toUpperCase() }],
      },
    });
    expect(EventSymbolicator.isCandidate(raw)).toBe(true);
    expect(await new EventSymbolicator(artifacts).symbolicate(raw, 1)).toBe(3);
    const exception = exceptionOf(raw);
    const frames = exception['stacktrace']?.frames ?? [];
    expect(frames.map((f) => f['function'])).toEqual(['run', 'handleCheckout', 'computeTotal']);
    expect(frames.map((f) => f['lineno'])).toEqual([2, 6, 12]);
    const top = frames[2] ?? {};
    expect(top).toMatchObject({
      abs_path: 'http://localhost/static/src/checkout.ts',
      filename: '/static/src/checkout.ts',
      lineno: 12,
      colno: 11,
      context_line: "    throw new Error('broken total ' + cart.length);",
      pre_context: [
        '  return total * 2;',
        '}',
        '',
        'function computeTotal(cart: number[]): number {',
        '  if (cart.length > 1) {',
      ],
      in_app: true,
      data: { sourcemap: '~/static/bundle.js.map', resolved_with: 'debug-id', symbolicated: true },
    });
    expect(exception['raw_stacktrace']?.frames).toEqual(crash.frames);
  });

  it('falls back to the caller call site for function names when no minified source was uploaded', async () => {
    const artifacts = new MemoryArtifacts([
      file('~/m.js.map', 'source_map', crash.map, { debugId: DEBUG_ID }),
    ]);
    const raw = event(structuredClone(crash.frames), {
      debug_meta: { images: [{ type: 'sourcemap', code_file: BUNDLE_URL, debug_id: DEBUG_ID }] },
    });
    await new EventSymbolicator(artifacts).symbolicate(raw, 1);
    const frames = exceptionOf(raw)['stacktrace']?.frames ?? [];
    expect(frames.slice(1).map((f) => f['function'])).toEqual(['handleCheckout', 'computeTotal']);
  });

  it('maps by release and ~/ URL through the sourceMappingURL comment', async () => {
    const artifacts = new MemoryArtifacts([
      file('~/static/bundle.js', null, crash.code, { release: 'web@1.0.0' }),
      file('~/static/bundle.js.map', null, crash.map, { release: 'web@1.0.0' }),
    ]);
    const raw = event(structuredClone(crash.frames), { release: 'web@1.0.0' });
    expect(await new EventSymbolicator(artifacts).symbolicate(raw, 1)).toBe(3);
    const top = exceptionOf(raw)['stacktrace']?.frames[2];
    expect(top).toMatchObject({ function: 'computeTotal', lineno: 12, data: { resolved_with: 'release' } });
    const other = event(structuredClone(crash.frames), { release: 'web@2.0.0' });
    expect(await new EventSymbolicator(artifacts).symbolicate(other, 1)).toBe(0);
    expect(exceptionOf(other)['raw_stacktrace']).toBeUndefined();
  });

  it('leaves events without maps alone and records js_no_source for a debug id with nothing uploaded', async () => {
    const raw = event(structuredClone(crash.frames), {
      debug_meta: { images: [{ type: 'sourcemap', code_file: BUNDLE_URL, debug_id: DEBUG_ID }] },
    });
    expect(await new EventSymbolicator(new MemoryArtifacts([])).symbolicate(raw, 1)).toBe(0);
    expect(exceptionOf(raw)['stacktrace']?.frames).toEqual(crash.frames);
    expect(raw['errors']).toEqual([{ type: 'js_no_source', url: BUNDLE_URL }]);
  });

  it('only considers JavaScript events with frames and a debug id or release', () => {
    expect(EventSymbolicator.isCandidate(event(crash.frames))).toBe(false);
    expect(EventSymbolicator.isCandidate(event(crash.frames, { release: '1', platform: 'python' }))).toBe(
      false,
    );
    expect(EventSymbolicator.isCandidate(event([], { release: '1' }))).toBe(false);
    expect(
      EventSymbolicator.isCandidate({
        platform: 'node',
        release: '1',
        exception: [{ stacktrace: { frames: [{}] } }],
      }),
    ).toBe(true);
  });
});
