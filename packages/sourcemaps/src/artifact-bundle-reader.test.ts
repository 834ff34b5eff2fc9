import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readArtifactBundle } from './artifact-bundle-reader.ts';

const manifest = (files: Record<string, unknown>) => strToU8(JSON.stringify({ files, debug_id: 'b1' }));

describe('readArtifactBundle', () => {
  it('pairs every manifest entry with its bytes', () => {
    const zip = zipSync({
      'manifest.json': manifest({ 'files/_/_/a.js': { type: 'minified_source', url: '~/a.js' } }),
      'files/_/_/a.js': strToU8('console.log(1)'),
      'files/_/_/unlisted.js': strToU8('ignored'),
    });
    const result = readArtifactBundle(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.bundle.files).toHaveLength(1);
    expect(new TextDecoder().decode(result.bundle.files[0]?.content)).toBe('console.log(1)');
    expect(result.bundle.manifest.bundleId).toBe('b1');
  });

  it('rejects broken zips, missing manifests, missing files and zip bombs', () => {
    expect(readArtifactBundle(strToU8('not a zip')).ok).toBe(false);
    expect(readArtifactBundle(zipSync({ 'a.js': strToU8('x') }))).toEqual({
      ok: false,
      error: 'artifact bundle has no manifest.json',
    });
    const missing = zipSync({ 'manifest.json': manifest({ 'x.js': { type: 'source', url: '~/x.js' } }) });
    expect(readArtifactBundle(missing)).toEqual({ ok: false, error: 'manifest names a missing file: x.js' });
    const big = zipSync({ 'manifest.json': manifest({}), 'zeros.bin': new Uint8Array(1_000_000) });
    expect(big.byteLength).toBeLessThan(10_000);
    expect(readArtifactBundle(big, { maxUncompressedBytes: 100_000, maxFiles: 10 })).toEqual({
      ok: false,
      error: 'artifact bundle is too large once uncompressed',
    });
    expect(readArtifactBundle(big, { maxUncompressedBytes: 10_000_000, maxFiles: 1 }).ok).toBe(false);
  });
});
