import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMinifiedBundle, stackFramesOf } from '../../testing/minified-bundle.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { envelope, newEventId, startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

const sha1 = (data: Uint8Array): string => createHash('sha1').update(data).digest('hex');
const PAGE_URL = 'https://shop.example.com/static/app.min.js';

interface ReleaseFileJson {
  id: string;
  name: string;
  dist: string | null;
  headers: Record<string, string>;
  size: number;
  sha1: string;
  dateCreated: string;
}

type FramesJson = { frames: Record<string, unknown>[] };
interface EventJson {
  entries: {
    type: string;
    data: { values: { stacktrace: FramesJson; rawStacktrace: FramesJson | null }[] };
  }[];
}

/** A release-file zip as older sentry-cli versions assembled it: a manifest without file types. */
function releaseZip(files: Record<string, string>): Uint8Array {
  const manifest = Object.fromEntries(Object.keys(files).map((url, i) => [`files/${i}`, { url }]));
  const entries = Object.fromEntries(
    Object.values(files).map((content, i) => [`files/${i}`, strToU8(content)]),
  );
  return zipSync({ 'manifest.json': strToU8(JSON.stringify({ files: manifest })), ...entries });
}

describe.each(TEST_BACKENDS)('legacy release files (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let token: string;
  let root: string;
  let bundlePath: string;

  beforeAll(async () => {
    t = await startTestFixloop({ backend });
    token = (
      await createTestUserToken(t.fixloop.storage, {
        organization: 'default',
        scopes: ['org:read', 'project:read', 'project:releases', 'event:read'],
      })
    ).token;
    api = new TestApiClient(t.fixloop.url, token);
    root = mkdtempSync(join(tmpdir(), 'fixloop-release-files-'));
    bundlePath = await buildMinifiedBundle(root, 'dist');
  });
  afterAll(async () => {
    await t?.stop();
    if (root !== undefined) await rm(root, { recursive: true, force: true });
  });

  const version = (v: string) => encodeURIComponent(v);

  /** sentry-cli's legacy sequence: chunks, then `releases/{version}/assemble/`. */
  const assembleRelease = async (release: string, zip: Uint8Array) => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(zip)]), sha1(zip));
    const upload = await fetch(t.url('/api/0/organizations/default/chunk-upload/'), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(upload.status).toBe(200);
    return api.post<{ state: string; missingChunks: string[] }>(
      `/api/0/organizations/default/releases/${version(release)}/assemble/`,
      { checksum: sha1(zip), chunks: [sha1(zip)] },
    );
  };

  const uploadFile = (path: string, fields: Record<string, string>, content: string, as = token) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([content]), 'upload.js');
    return fetch(t.url(path), { method: 'POST', headers: { authorization: `Bearer ${as}` }, body: form });
  };

  /** Sends the bundle's real stack as if it ran on the page, and returns the stored top frame. */
  const topFrameOfEvent = async (release: string) => {
    const eventId = newEventId();
    const frames = stackFramesOf(bundlePath, () => PAGE_URL);
    const event = {
      event_id: eventId,
      platform: 'javascript',
      release,
      exception: { values: [{ type: 'RangeError', value: 'x', stacktrace: { frames } }] },
    };
    const sent = await fetch(t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}`), {
      method: 'POST',
      body: envelope({}, [[{ type: 'event' }, event]]),
    });
    expect(sent.status).toBe(200);
    const stored = await api.get<EventJson>(`/api/0/projects/default/default/events/${eventId}/`);
    const exception = stored.body.entries.find((e) => e.type === 'exception')?.data.values[0];
    return { top: exception?.stacktrace.frames.at(-1), raw: exception?.rawStacktrace?.frames.at(-1) };
  };

  it('assembles a release-file zip and symbolicates events of that release by URL', async () => {
    expect(
      (await api.post('/api/0/projects/default/default/releases/', { version: 'shop@1.0.0' })).status,
    ).toBe(201);
    const zip = releaseZip({
      '~/static/app.min.js': readFileSync(bundlePath, 'utf8'),
      '~/static/app.min.js.map': readFileSync(`${bundlePath}.map`, 'utf8'),
    });
    expect((await assembleRelease('shop@1.0.0', zip)).body).toMatchObject({ state: 'ok', missingChunks: [] });
    const files = await api.get<ReleaseFileJson[]>(
      `/api/0/projects/default/default/releases/shop%401.0.0/files/`,
    );
    expect(files.body.map((f) => f.name)).toEqual(['~/static/app.min.js', '~/static/app.min.js.map']);

    const { top, raw } = await topFrameOfEvent('shop@1.0.0');
    expect(top).toMatchObject({
      absPath: 'https://shop.example.com/src/checkout.js',
      filename: '/src/checkout.js',
      function: 'computeTotal',
      lineNo: 7,
      colNo: 11,
    });
    expect(top?.['context']).toContainEqual([
      7,
      '    throw new RangeError(`cart total ${total} exceeds limit ${cart.limit}`);',
    ]);
    expect(raw).toMatchObject({ absPath: PAGE_URL, lineNo: 1 });
    expect((await topFrameOfEvent('shop@0.9.0')).top).toMatchObject({ absPath: PAGE_URL, lineNo: 1 });
  });

  it('replaces files of the same name when a release is assembled again', async () => {
    await api.post('/api/0/projects/default/default/releases/', { version: 'shop@1.1.0' });
    const broken = releaseZip({
      '~/static/app.min.js.map': '{"version":3,"sources":[],"names":[],"mappings":""}',
    });
    expect((await assembleRelease('shop@1.1.0', broken)).body.state).toBe('ok');
    const fixed = releaseZip({ '~/static/app.min.js.map': readFileSync(`${bundlePath}.map`, 'utf8') });
    expect((await assembleRelease('shop@1.1.0', fixed)).body.state).toBe('ok');
    const files = await api.get<ReleaseFileJson[]>(
      `/api/0/organizations/default/releases/shop%401.1.0/files/`,
    );
    expect(files.body).toHaveLength(1);
    expect(files.body[0]?.sha1).toBe(sha1(strToU8(readFileSync(`${bundlePath}.map`, 'utf8'))));
    expect((await topFrameOfEvent('shop@1.1.0')).top).toMatchObject({ function: 'computeTotal', lineNo: 7 });
  });

  it('uploads single release files (multipart file, name, header), once per name', async () => {
    await api.post('/api/0/projects/default/default/releases/', { version: 'shop@2.0.0' });
    const path = '/api/0/projects/default/default/releases/shop%402.0.0/files/';
    const fields = { name: '~/static/vendor.js', header: 'Sourcemap: vendor.js.map', dist: 'web' };
    const created = await uploadFile(path, fields, 'console.log(1)');
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      name: '~/static/vendor.js',
      dist: 'web',
      headers: { sourcemap: 'vendor.js.map' },
      size: 14,
      sha1: sha1(strToU8('console.log(1)')),
    });
    expect((await uploadFile(path, fields, 'console.log(2)')).status).toBe(409);
    expect((await uploadFile(path, { ...fields, dist: 'ios' }, 'console.log(2)')).status).toBe(201);
    expect((await uploadFile(path, {}, '')).status).toBe(201);
    const org = await uploadFile(
      '/api/0/organizations/default/releases/shop%402.0.0/files/',
      { name: '~/b.js' },
      'b',
    );
    expect(org.status).toBe(201);
    const list = await api.get<ReleaseFileJson[]>(path);
    expect(list.body.map((f) => [f.name, f.dist])).toEqual([
      ['upload.js', null],
      ['~/b.js', null],
      ['~/static/vendor.js', 'web'],
      ['~/static/vendor.js', 'ios'],
    ]);
    expect(
      (await uploadFile('/api/0/projects/default/default/releases/nope/files/', fields, 'x')).status,
    ).toBe(404);
    expect(
      (
        await api.post(`/api/0/organizations/default/releases/nope/assemble/`, {
          checksum: sha1(strToU8('x')),
          chunks: [],
        })
      ).status,
    ).toBe(404);
  });

  it('keeps release files to their organization and requires project:releases to upload', async () => {
    await t.fixloop.storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    const stranger = (await createTestUserToken(t.fixloop.storage, { organization: 'other', role: 'owner' }))
      .token;
    const viewer = (await createTestUserToken(t.fixloop.storage, { organization: 'default', role: 'viewer' }))
      .token;
    const path = '/api/0/projects/default/default/releases/shop%402.0.0/files/';
    expect((await new TestApiClient(t.fixloop.url, stranger).get(path)).status).toBe(404);
    expect((await uploadFile(path, { name: '~/x.js' }, 'x', stranger)).status).toBe(404);
    expect((await new TestApiClient(t.fixloop.url, viewer).get(path)).status).toBe(200);
    expect((await uploadFile(path, { name: '~/x.js' }, 'x', viewer)).status).toBe(403);
  });
});
