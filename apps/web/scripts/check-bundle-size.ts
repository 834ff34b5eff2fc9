// Fails when the JavaScript the first route needs (the entry module, its modulepreloads and their
// static imports) exceeds the gzip budget. Lazy pages (dynamic import()) are not counted.
// Usage: node --import tsx scripts/check-bundle-size.ts [distDir] [limitKiB]
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const FIRST_ROUTE_LIMIT_BYTES = 500 * 1024;

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  files: BundleFile[];
  totalGzipBytes: number;
  limitBytes: number;
  ok: boolean;
}

const ENTRY_TAGS =
  /<(?:script[^>]+type="module"[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/?([^"]+\.js)"/g;
// `import"./a.js"` and `from"./a.js"`; `import("./a.js")` (lazy) has a parenthesis and does not match.
const STATIC_IMPORTS = /(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+\.js)["']/g;

export function measureFirstRoute(distDir: string, limitBytes = FIRST_ROUTE_LIMIT_BYTES): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(ENTRY_TAGS)].map((m) => posix.normalize(m[1] ?? ''));
  const seen = new Set<string>();
  const files: BundleFile[] = [];
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    const content = readFileSync(join(distDir, file));
    files.push({ file, bytes: content.length, gzipBytes: gzipSync(content).length });
    for (const match of content.toString('utf8').matchAll(STATIC_IMPORTS)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), match[1] ?? '')));
    }
  }
  const totalGzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, totalGzipBytes, limitBytes, ok: files.length > 0 && totalGzipBytes <= limitBytes };
}

function main(): void {
  const distDir = process.argv[2] ?? 'dist';
  const limitKiB = Number(process.argv[3] ?? FIRST_ROUTE_LIMIT_BYTES / 1024);
  const report = measureFirstRoute(distDir, limitKiB * 1024);
  for (const f of report.files)
    console.log(`${(f.gzipBytes / 1024).toFixed(1).padStart(8)} KiB gz  ${f.file}`);
  const verdict = report.ok ? 'ok' : 'OVER BUDGET';
  console.log(
    `first route: ${(report.totalGzipBytes / 1024).toFixed(1)} KiB gzipped of ${limitKiB} KiB: ${verdict}`,
  );
  if (!report.ok) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
