import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinifiedBundle, sendErrorFromBundle } from '../../testing/minified-bundle.ts';
import { runSentryCli } from '../../testing/sentry-cli.ts';
import type { SentryCliTarget } from '../../testing/sentry-cli.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

interface FrameJson {
  filename: string;
  absPath: string | null;
  function: string | null;
  lineNo: number | null;
  colNo: number | null;
  context: [number, string][];
  inApp: boolean | null;
}

interface ExceptionJson {
  type: string;
  stacktrace: { frames: FrameJson[] } | null;
  rawStacktrace: { frames: FrameJson[] } | null;
}

interface EventJson {
  release: { version: string } | null;
  entries: { type: string; data: { values: ExceptionJson[] } }[];
  errors: unknown[];
}

/** What the three app frames map back to, outermost first (Sentry's frame order). */
const ORIGINAL_FRAMES = [
  { file: 'src/app.js', function: 'main', lineNo: 10, colNo: 5, line: '    handleRequest(' },
  {
    file: 'src/app.js',
    function: 'handleRequest',
    lineNo: 5,
    colNo: 10,
    line: '  return computeTotal(cart);',
  },
  {
    file: 'src/checkout.js',
    function: 'computeTotal',
    lineNo: 7,
    colNo: 11,
    line: '    throw new RangeError(',
  },
];

describe.each(TEST_BACKENDS)('sentry-cli sourcemaps upload, end to end (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let target: SentryCliTarget;
  let root: string;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    const { token } = await createTestUserToken(t.fixloop.storage, {
      organization: 'default',
      scopes: ['org:read', 'project:read', 'project:releases', 'event:read'],
    });
    api = new TestApiClient(t.fixloop.url, token);
    target = { url: t.fixloop.url, token, org: 'default', project: 'default' };
    root = mkdtempSync(join(tmpdir(), 'fixloop-sourcemaps-'));
  });
  afterAll(async () => {
    await t?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  const exceptionOf = async (eventId: string): Promise<ExceptionJson & { event: EventJson }> => {
    const event = await api.get<EventJson>(`/api/0/projects/default/default/events/${eventId}/`);
    expect(event.status).toBe(200);
    const entry = event.body.entries.find((e) => e.type === 'exception');
    const exception = entry?.data.values[0];
    if (exception === undefined) throw new Error('event has no exception');
    return { ...exception, event: event.body };
  };

  /** The symbolicated app frames, and the raw minified frames kept beside them. */
  const expectSymbolicated = (exception: ExceptionJson, bundlePath: string): void => {
    const frames = exception.stacktrace?.frames ?? [];
    const appFrames = frames.filter((f) => f.absPath?.startsWith(root));
    expect(appFrames).toHaveLength(3);
    appFrames.forEach((frame, i) => {
      const expected = ORIGINAL_FRAMES[i]!;
      const source = readFileSync(join(root, expected.file), 'utf8').split('\n');
      expect(frame).toMatchObject({
        absPath: join(root, expected.file),
        filename: join(root, expected.file),
        function: expected.function,
        lineNo: expected.lineNo,
        colNo: expected.colNo,
      });
      const context = new Map(frame.context);
      expect(context.get(expected.lineNo)).toBe(source[expected.lineNo - 1]);
      expect(context.get(expected.lineNo)).toContain(expected.line);
      expect(context.get(expected.lineNo - 1)).toBe(source[expected.lineNo - 2]);
      expect(context.get(expected.lineNo + 1)).toBe(source[expected.lineNo]);
    });
    const raw = (exception.rawStacktrace?.frames ?? []).filter(
      (f) => f.absPath === bundlePath || f.filename === bundlePath,
    );
    expect(raw).toHaveLength(3);
    for (const frame of raw) {
      expect(frame.function).not.toMatch(/^(main|handleRequest|computeTotal)$/);
      expect(frame.lineNo).toBeGreaterThan(0);
    }
    // A minified bundle is one long line.
    expect(new Set(raw.map((f) => f.lineNo)).size).toBe(1);
  };

  it('uploads a debug-id bundle and symbolicates an error @sentry/node sends from it', async () => {
    const bundle = await buildMinifiedBundle(root, 'dist');
    const injected = await runSentryCli(target, ['sourcemaps', 'inject', dirname(bundle)]);
    expect(injected.code, injected.stderr).toBe(0);
    const debugId = /debugId=([0-9a-f-]{36})/.exec(readFileSync(bundle, 'utf8'))?.[1];
    expect(debugId).toBeDefined();

    const upload = await runSentryCli(target, ['--log-level=debug', 'sourcemaps', 'upload', dirname(bundle)]);
    expect(upload.code, upload.stderr).toBe(0);
    // sentry-cli 3.x asks first and uploads exactly what assemble reports missing.
    expect(upload.stderr).toMatch(/"state":"not_found","missingChunks":\["[0-9a-f]{40}"\]/);
    expect(upload.stderr).toContain('POST /api/0/organizations/default/chunk-upload/');
    expect(upload.stdout).toContain(`debug id ${debugId}`);

    const sent = await sendErrorFromBundle(bundle, { dsn: t.fixloop.dsn });
    expect(sent.stack).toContain(`${bundle}:`);
    const exception = await exceptionOf(sent.eventId);
    expect(exception.type).toBe('RangeError');
    expectSymbolicated(exception, bundle);
    expect(exception.event.errors).toEqual([]);
  });

  it('uploads with --release (no debug ids) and symbolicates by release and URL', async () => {
    const bundle = await buildMinifiedBundle(root, 'dist-release');
    const upload = await runSentryCli(target, [
      'sourcemaps',
      'upload',
      '--release',
      'web@2.0.0',
      '--url-prefix',
      `~${dirname(bundle)}`,
      dirname(bundle),
    ]);
    expect(upload.code, upload.stderr).toBe(0);
    expect(upload.stdout).toContain(`~${bundle}`);
    const release = await api.get<{ version: string }>(
      `/api/0/organizations/default/releases/${encodeURIComponent('web@2.0.0')}/`,
    );
    expect(release.status).toBe(200);

    const sent = await sendErrorFromBundle(bundle, { dsn: t.fixloop.dsn, release: 'web@2.0.0' });
    const exception = await exceptionOf(sent.eventId);
    expect(exception.event.release?.version).toBe('web@2.0.0');
    expectSymbolicated(exception, bundle);
  });

  it('matches --dist: only events of that distribution use the upload', async () => {
    const bundle = await buildMinifiedBundle(root, 'dist-ios');
    const upload = await runSentryCli(target, [
      'sourcemaps',
      'upload',
      '--release',
      'mobile@1.0.0',
      '--dist',
      '42',
      '--url-prefix',
      `~${dirname(bundle)}`,
      dirname(bundle),
    ]);
    expect(upload.code, upload.stderr).toBe(0);
    const matching = await sendErrorFromBundle(bundle, {
      dsn: t.fixloop.dsn,
      release: 'mobile@1.0.0',
      dist: '42',
    });
    expectSymbolicated(await exceptionOf(matching.eventId), bundle);
    const other = await sendErrorFromBundle(bundle, {
      dsn: t.fixloop.dsn,
      release: 'mobile@1.0.0',
      dist: '43',
    });
    const raw = await exceptionOf(other.eventId);
    expect(raw.rawStacktrace).toBeNull();
    expect(raw.stacktrace?.frames.filter((f) => f.filename === bundle)).toHaveLength(3);
  });

  it('uploads a bundle larger than one chunk: every missing chunk, then the whole zip', async () => {
    const dir = join(root, 'dist-big');
    mkdirSync(dir);
    // Random text barely compresses, so the bundle zip outgrows the 8 MiB chunk size.
    const data = randomBytes(9 * 1024 * 1024).toString('base64');
    writeFileSync(join(dir, 'big.js'), `var d="${data}";\n//# sourceMappingURL=big.js.map\n`);
    writeFileSync(join(dir, 'big.js.map'), '{"version":3,"sources":["big.ts"],"names":[],"mappings":"AAAA"}');
    expect((await runSentryCli(target, ['sourcemaps', 'inject', dir])).code).toBe(0);
    const debugId = /debugId=([0-9a-f-]{36})/.exec(readFileSync(join(dir, 'big.js'), 'utf8'))?.[1] ?? '';
    const upload = await runSentryCli(target, ['--log-level=debug', 'sourcemaps', 'upload', dir]);
    expect(upload.code, upload.stderr).toBe(0);
    expect(upload.stderr).toMatch(/"state":"not_found","missingChunks":\["[0-9a-f]{40}","[0-9a-f]{40}"\]/);
    const files = await t.fixloop.storage.artifacts.findByDebugId(t.projectId, debugId, ['minified_source']);
    expect(files.map((f) => f.content.byteLength)).toEqual([readFileSync(join(dir, 'big.js')).byteLength]);
  });

  it('fails the upload for a token without project:releases, and for another organization', async () => {
    const { token } = await createTestUserToken(t.fixloop.storage, {
      organization: 'default',
      scopes: ['org:read', 'project:read'],
    });
    const denied = await runSentryCli({ ...target, token }, ['sourcemaps', 'upload', join(root, 'dist')]);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/403|permission/i);
    const missing = await runSentryCli({ ...target, org: 'nope' }, [
      'sourcemaps',
      'upload',
      join(root, 'dist'),
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/404|not found/i);
  });
});
