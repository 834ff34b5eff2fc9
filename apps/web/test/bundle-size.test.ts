import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_ROUTE_LIMIT_BYTES, measureFirstRoute } from '../scripts/check-bundle-size.ts';
import { buildWebApp } from './build-web-app.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixloop-web-bundle-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('first-route bundle budget', () => {
  it('the production build ships the issue list in under 500 KiB of gzipped JavaScript', () => {
    const out = tempDir();
    buildWebApp(out);
    const report = measureFirstRoute(out);
    const summary = report.files.map((f) => `${f.file}: ${f.gzipBytes} B gz`).join('\n');
    expect(report.files.length, summary).toBeGreaterThan(0);
    expect(report.totalGzipBytes, summary).toBeLessThanOrEqual(FIRST_ROUTE_LIMIT_BYTES);
    // Lazy pages stay out of the first route.
    expect(
      report.files.some((f) => /issue-detail-page|settings-page|fix-detail-page/.test(f.file)),
      summary,
    ).toBe(false);
  }, 120_000);

  it('follows static imports, skips lazy ones, and fails over the limit', () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'index.html'),
      '<script type="module" crossorigin src="/assets/entry.js"></script>',
    );
    writeFileSync(
      join(dist, 'assets', 'entry.js'),
      'import{a}from"./shared.js";const p=()=>import("./lazy.js");',
    );
    writeFileSync(
      join(dist, 'assets', 'shared.js'),
      `export const a=${JSON.stringify(randomBytes(4096).toString('base64'))};`,
    );
    writeFileSync(join(dist, 'assets', 'lazy.js'), 'export default 1');
    const report = measureFirstRoute(dist, 2048);
    expect(report.files.map((f) => f.file)).toEqual(['assets/entry.js', 'assets/shared.js']);
    expect(report.ok).toBe(false);
    expect(measureFirstRoute(dist, 64 * 1024).ok).toBe(true);
  });
});
