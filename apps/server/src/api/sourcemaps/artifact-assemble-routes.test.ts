import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_PROJECT_SETTINGS } from '@fixloop/core';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinifiedBundle, stackFramesOf } from '../../testing/minified-bundle.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { envelope, newEventId, startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

const sha1 = (data: Uint8Array): string => createHash('sha1').update(data).digest('hex');
const DEBUG_ID = '5b1e1e8a-6f5c-4d3b-9a61-0e6b5bbd1f01';

interface AssembleJson {
  state: string;
  missingChunks: string[];
  detail: string | null;
}

type FramesJson = { frames: Record<string, unknown>[] };
interface EventJson {
  entries: {
    type: string;
    data: { values: { stacktrace: FramesJson; rawStacktrace: FramesJson | null }[] };
  }[];
}

/** An artifact bundle zip as sentry-cli 3.x writes it: manifest plus files under `files/_/_/`. */
function bundleZip(minified: string, map: string, extra: Record<string, unknown> = {}): Uint8Array {
  return zipSync({
    'manifest.json': strToU8(
      JSON.stringify({
        files: {
          'files/_/_/app.min.js': {
            url: '~/app.min.js',
            type: 'minified_source',
            headers: { 'debug-id': DEBUG_ID, Sourcemap: 'app.min.js.map' },
          },
          'files/_/_/app.min.js.map': {
            url: '~/app.min.js.map',
            type: 'source_map',
            headers: { 'Debug-Id': DEBUG_ID },
          },
        },
        debug_id: '0f6e7c1a-3a55-4c39-8f3a-1b2c3d4e5f60',
        ...extra,
      }),
    ),
    'files/_/_/app.min.js': strToU8(minified),
    'files/_/_/app.min.js.map': strToU8(map),
  });
}

function split(data: Uint8Array, parts: number): Buffer[] {
  const size = Math.ceil(data.byteLength / parts);
  return Array.from({ length: parts }, (_, i) => Buffer.from(data.subarray(i * size, (i + 1) * size)));
}

describe.each(TEST_BACKENDS)('artifact bundle assemble API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let token: string;
  let root: string;
  let bundlePath: string;
  let zip: Uint8Array;
  let chunks: Buffer[];

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    token = (
      await createTestUserToken(t.fixloop.storage, {
        organization: 'default',
        scopes: ['org:read', 'project:read', 'project:releases', 'event:read'],
      })
    ).token;
    api = new TestApiClient(t.fixloop.url, token);
    root = mkdtempSync(join(tmpdir(), 'fixloop-assemble-'));
    bundlePath = await buildMinifiedBundle(root, 'dist');
    zip = bundleZip(readFileSync(bundlePath, 'utf8'), readFileSync(`${bundlePath}.map`, 'utf8'));
    chunks = split(zip, 3);
  });
  afterAll(async () => {
    await t?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  const assemble = (body: Record<string, unknown>) =>
    api.post<AssembleJson & { error?: string }>(
      '/api/0/organizations/default/artifactbundle/assemble/',
      body,
    );

  /** A multipart chunk upload; `gzip` compresses the whole request as sentry-cli does. */
  const uploadChunks = async (parts: { data: Buffer; field?: string; name?: string }[], gzip = false) => {
    const form = new FormData();
    for (const part of parts) {
      const data = part.field === 'file_gzip' ? gzipSync(part.data) : part.data;
      form.append(part.field ?? 'file', new Blob([data]), part.name ?? sha1(part.data));
    }
    const request = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    const response = await fetch(t.url('/api/0/organizations/default/chunk-upload/'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': request.headers.get('content-type') ?? '',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      },
      body: gzip ? gzipSync(body) : body,
    });
    return { status: response.status, text: await response.text() };
  };

  const sendEvent = async (projectId: number, key: string, event: Record<string, unknown>) => {
    const response = await fetch(t.url(`/api/${projectId}/envelope/?sentry_key=${key}`), {
      method: 'POST',
      body: envelope({}, [[{ type: 'event' }, event]]),
    });
    expect(response.status).toBe(200);
  };

  const exceptionOf = async (eventId: string) => {
    const event = await api.get<EventJson>(`/api/0/projects/default/default/events/${eventId}/`);
    expect(event.status).toBe(200);
    return event.body.entries.find((e) => e.type === 'exception')?.data.values[0];
  };

  it('advertises chunk-upload options sentry-cli accepts', async () => {
    const options = await api.get<Record<string, unknown>>('/api/0/organizations/default/chunk-upload/');
    expect(options.status).toBe(200);
    expect(options.body).toMatchObject({
      url: t.url('/api/0/organizations/default/chunk-upload/').replace('127.0.0.1', 'localhost'),
      hashAlgorithm: 'sha1',
      compression: ['gzip'],
    });
    for (const key of ['chunkSize', 'chunksPerRequest', 'maxRequestSize', 'concurrency', 'maxFileSize'])
      expect(options.body[key], key).toBeGreaterThan(0);
    const chunkSize = options.body['chunkSize'] as number;
    expect(chunkSize & (chunkSize - 1)).toBe(0);
    expect(options.body['accept']).toContain('artifact_bundles_v2');
  });

  it('reports the real missing chunks until all are uploaded, then stores the bundle', async () => {
    const body = { checksum: sha1(zip), chunks: chunks.map(sha1), projects: ['default'] };
    expect((await assemble(body)).body).toEqual({
      state: 'not_found',
      missingChunks: chunks.map(sha1),
      detail: null,
    });
    expect((await uploadChunks([{ data: chunks[1]! }], true)).status).toBe(200);
    expect((await assemble(body)).body.missingChunks).toEqual([sha1(chunks[0]!), sha1(chunks[2]!)]);
    const rest = await uploadChunks([{ data: chunks[0]! }, { data: chunks[2]!, field: 'file_gzip' }]);
    expect(rest).toEqual({ status: 200, text: '' });
    expect((await assemble(body)).body).toEqual({ state: 'ok', missingChunks: [], detail: null });
    // The stored bundle answers a repeated assemble; its chunks are not kept twice.
    expect((await assemble(body)).body).toEqual({ state: 'ok', missingChunks: [], detail: null });
    const organization = await t.fixloop.storage.projects.getOrganizationBySlug('default');
    expect(await t.fixloop.storage.artifacts.findMissingChunks(organization!.id, body.chunks)).toEqual(
      body.chunks,
    );
    const files = await t.fixloop.storage.artifacts.findByDebugId(t.projectId, DEBUG_ID, [
      'source_map',
      'minified_source',
    ]);
    expect(files.map((f) => [f.url, f.type])).toEqual([
      ['~/app.min.js', 'minified_source'],
      ['~/app.min.js.map', 'source_map'],
    ]);
  });

  it('symbolicates an event whose debug_meta names the uploaded bundle', async () => {
    const eventId = newEventId();
    const frames = stackFramesOf(bundlePath);
    expect(frames).toHaveLength(3);
    await sendEvent(t.projectId, t.key, {
      event_id: eventId,
      platform: 'node',
      exception: { values: [{ type: 'RangeError', value: 'too much', stacktrace: { frames } }] },
      debug_meta: { images: [{ type: 'sourcemap', code_file: bundlePath, debug_id: DEBUG_ID }] },
    });
    const exception = await exceptionOf(eventId);
    const top = exception?.stacktrace.frames.at(-1);
    expect(top).toMatchObject({
      absPath: join(root, 'src/checkout.js'),
      function: 'computeTotal',
      lineNo: 7,
      colNo: 11,
    });
    expect(exception?.rawStacktrace?.frames.at(-1)).toMatchObject({ absPath: bundlePath, lineNo: 1 });
  });

  it('keeps frames of a debug id without an upload as sent, with a js_no_source error', async () => {
    const eventId = newEventId();
    const frames = stackFramesOf(bundlePath);
    const unknown = '00000000-1111-4222-8333-444444444444';
    await sendEvent(t.projectId, t.key, {
      event_id: eventId,
      platform: 'node',
      exception: { values: [{ type: 'RangeError', value: 'too much', stacktrace: { frames } }] },
      debug_meta: { images: [{ type: 'sourcemap', code_file: bundlePath, debug_id: unknown }] },
    });
    const event = await api.get<EventJson & { errors: unknown[] }>(
      `/api/0/projects/default/default/events/${eventId}/`,
    );
    const exception = event.body.entries.find((e) => e.type === 'exception')?.data.values[0];
    expect(exception?.rawStacktrace).toBeNull();
    expect(exception?.stacktrace.frames.at(-1)).toMatchObject({ absPath: bundlePath, lineNo: 1 });
    expect(event.body.errors).toContainEqual(expect.objectContaining({ type: 'js_no_source' }));
  });

  it('links an already stored bundle to another project it is assembled for', async () => {
    const organization = await t.fixloop.storage.projects.getOrganizationBySlug('default');
    const other = await t.fixloop.storage.projects.createProject({
      organizationId: organization!.id,
      slug: 'mobile',
      name: 'Mobile',
      platform: 'javascript',
      settings: DEFAULT_PROJECT_SETTINGS,
    });
    const body = { checksum: sha1(zip), chunks: chunks.map(sha1), projects: ['mobile'] };
    expect((await assemble(body)).body.state).toBe('ok');
    const files = await t.fixloop.storage.artifacts.findByDebugId(other.id, DEBUG_ID, ['source_map']);
    expect(files).toHaveLength(1);
  });

  it('rejects bad chunks and bad assemble requests', async () => {
    const data = Buffer.from('some chunk');
    expect((await uploadChunks([{ data, name: sha1(Buffer.from('other')) }])).status).toBe(400);
    expect((await uploadChunks([{ data, name: 'not-a-sha1' }])).status).toBe(400);
    const tooMany = Array.from({ length: 65 }, (_, i) => ({ data: Buffer.from(`chunk ${i}`) }));
    expect(await uploadChunks(tooMany)).toEqual({ status: 400, text: '{"error":"Too many chunks"}' });

    expect((await uploadChunks(chunks.map((c) => ({ data: c })))).status).toBe(200);
    const wrongSum = await assemble({
      checksum: sha1(data),
      chunks: chunks.map(sha1),
      projects: ['default'],
    });
    expect(wrongSum.body.state).toBe('error');
    expect(wrongSum.body.detail).toContain('checksum mismatch');
    const none = await assemble({ checksum: sha1(zip), chunks: [] });
    expect(none).toMatchObject({ status: 400, body: { error: 'You need to specify at least one project' } });
    expect((await assemble({ checksum: sha1(zip), chunks: [], projects: ['nope'] })).status).toBe(400);
    const bad = await assemble({ checksum: 'xyz', chunks: [], projects: ['default'] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('checksum');
  });

  it('keeps uploads to their organization and requires project:releases', async () => {
    const otherOrg = await t.fixloop.storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    await t.fixloop.storage.projects.createProject({
      organizationId: otherOrg.id,
      slug: 'web',
      name: 'Web',
      platform: null,
      settings: DEFAULT_PROJECT_SETTINGS,
    });
    const stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(t.fixloop.storage, { organization: 'other', role: 'owner' })).token,
    );
    const reader = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(t.fixloop.storage, { organization: 'default', scopes: ['project:read'] }))
        .token,
    );
    const body = { checksum: sha1(zip), chunks: chunks.map(sha1), projects: ['default'] };
    expect((await stranger.get('/api/0/organizations/default/chunk-upload/')).status).toBe(404);
    expect((await stranger.post('/api/0/organizations/default/artifactbundle/assemble/', body)).status).toBe(
      404,
    );
    // The other organization has none of these chunks: its own assemble must not reuse ours.
    const own = await stranger.post<AssembleJson>('/api/0/organizations/other/artifactbundle/assemble/', {
      ...body,
      projects: ['web'],
    });
    expect(own.body).toEqual({ state: 'not_found', missingChunks: chunks.map(sha1), detail: null });
    expect((await reader.get('/api/0/organizations/default/chunk-upload/')).status).toBe(403);
    expect((await reader.post('/api/0/organizations/default/artifactbundle/assemble/', body)).status).toBe(
      403,
    );
  });
});
