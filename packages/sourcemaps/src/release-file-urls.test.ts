import { describe, expect, it } from 'vitest';
import { candidateUrls, displayFilename, resolveUrl } from './release-file-urls.ts';

describe('candidateUrls (Sentry ReleaseFile.normalize)', () => {
  it('tries the URL, without query, then the ~/ forms', () => {
    expect(candidateUrls('https://cdn.example.com/static/app.js?v=3#frag')).toEqual([
      'https://cdn.example.com/static/app.js?v=3',
      'https://cdn.example.com/static/app.js',
      '~/static/app.js?v=3',
      '~/static/app.js',
    ]);
    expect(candidateUrls('http://localhost:8080/app.js')).toEqual([
      'http://localhost:8080/app.js',
      '~/app.js',
    ]);
  });

  it('maps app:// and file:// URLs and node paths to ~/ names; ~/ names match themselves', () => {
    expect(candidateUrls('app:///dist/bundle.js')).toEqual(['app:///dist/bundle.js', '~/dist/bundle.js']);
    expect(candidateUrls('file:///srv/app/bundle.js')).toEqual([
      'file:///srv/app/bundle.js',
      '~/srv/app/bundle.js',
    ]);
    expect(candidateUrls('/srv/app/bundle.js')).toEqual(['/srv/app/bundle.js', '~/srv/app/bundle.js']);
    expect(candidateUrls('~/static/app.js')).toEqual(['~/static/app.js']);
    expect(candidateUrls('C:\\app\\bundle.js')).toEqual(['C:\\app\\bundle.js']);
    expect(candidateUrls('http://host/')).toEqual(['http://host/']);
    expect(candidateUrls('')).toEqual([]);
  });
});

describe('resolveUrl', () => {
  it('resolves map references and sources against the file that names them', () => {
    expect(resolveUrl('~/static/js/app.js', 'app.js.map')).toBe('~/static/js/app.js.map');
    expect(resolveUrl('~/static/js/app.js', '../../src/a.ts')).toBe('~/src/a.ts');
    expect(resolveUrl('~/static/app.js', '/maps/app.js.map')).toBe('~/maps/app.js.map');
    expect(resolveUrl('https://cdn.example.com/js/app.js', 'app.js.map')).toBe(
      'https://cdn.example.com/js/app.js.map',
    );
    expect(resolveUrl('https://cdn.example.com/js/app.js', '../src/a.ts')).toBe(
      'https://cdn.example.com/src/a.ts',
    );
    expect(resolveUrl('/srv/app/dist/bundle.js', '../src/a.ts')).toBe('/srv/app/src/a.ts');
    expect(resolveUrl('/srv/app/dist/bundle.js', 'webpack://app/./src/a.ts')).toBe(
      'webpack://app/./src/a.ts',
    );
    expect(resolveUrl('https://x/app.js', '~/a.js.map')).toBe('~/a.js.map');
  });
});

describe('displayFilename', () => {
  it('shows the path Sentry shows', () => {
    expect(displayFilename('webpack://app/./src/a.ts')).toBe('./src/a.ts');
    expect(displayFilename('webpack:///./src/a.ts')).toBe('./src/a.ts');
    expect(displayFilename('https://cdn.example.com/src/a%20b.ts')).toBe('/src/a b.ts');
    expect(displayFilename('~/src/a.ts')).toBe('/src/a.ts');
    expect(displayFilename('/srv/app/src/a.ts')).toBe('/srv/app/src/a.ts');
  });
});
