import { describe, expect, it } from 'vitest';
import { parseArtifactManifest } from './artifact-manifest.ts';

describe('parseArtifactManifest', () => {
  it('reads sentry-cli manifests with case-insensitive headers and normalized debug ids', () => {
    const result = parseArtifactManifest({
      files: {
        'files/_/_/bundle.js': {
          type: 'minified_source',
          url: '~/bundle.js',
          headers: { 'Debug-Id': '7E8BE53C1F6D5BDEA2DF21A9A022D0B9', Sourcemap: 'bundle.js.map' },
        },
        'files/_/_/bundle.js.map': {
          type: 'source_map',
          url: '~/bundle.js.map',
          headers: { 'debug-id': '7e8be53c-1f6d-5bde-a2df-21a9a022d0b9' },
        },
        'files/_/_/src/app.ts': { type: 'source', url: '~/src/app.ts' },
      },
      debug_id: '0D1D39A1-B05E-553C-A14D-B9A446B770C4',
      org: 'default',
      release: '1.0.0',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest).toMatchObject({
      bundleId: '0d1d39a1-b05e-553c-a14d-b9a446b770c4',
      org: 'default',
      release: '1.0.0',
      dist: null,
    });
    expect(result.manifest.files).toEqual([
      {
        path: 'files/_/_/bundle.js',
        url: '~/bundle.js',
        type: 'minified_source',
        headers: { 'debug-id': '7E8BE53C1F6D5BDEA2DF21A9A022D0B9', sourcemap: 'bundle.js.map' },
        debugId: '7e8be53c-1f6d-5bde-a2df-21a9a022d0b9',
      },
      {
        path: 'files/_/_/bundle.js.map',
        url: '~/bundle.js.map',
        type: 'source_map',
        headers: { 'debug-id': '7e8be53c-1f6d-5bde-a2df-21a9a022d0b9' },
        debugId: '7e8be53c-1f6d-5bde-a2df-21a9a022d0b9',
      },
      { path: 'files/_/_/src/app.ts', url: '~/src/app.ts', type: 'source', headers: {}, debugId: null },
    ]);
  });

  it('skips entries without a URL or of an unknown type and rejects what is not a manifest', () => {
    const result = parseArtifactManifest({
      files: {
        a: { type: 'bogus', url: '~/a' },
        b: { type: 'source' },
        c: 'nope',
        d: { type: 'source', url: '~/d' },
      },
    });
    expect(result.ok && result.manifest.files.map((f) => f.path)).toEqual(['d']);
    const legacy = parseArtifactManifest({
      files: {
        m: { url: 'http://x/app.js.map' },
        j: { url: 'http://x/app.js', headers: { Sourcemap: 'app.js.map' } },
      },
    });
    expect(legacy.ok && legacy.manifest.files.map((f) => f.type)).toEqual(['source_map', 'minified_source']);
    expect(parseArtifactManifest([1, 2])).toEqual({ ok: false, error: 'manifest.json is not a JSON object' });
    expect(parseArtifactManifest({ files: [] }).ok).toBe(false);
    expect(parseArtifactManifest({}).ok).toBe(true);
  });
});
