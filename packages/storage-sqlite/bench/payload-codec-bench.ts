/**
 * One-off benchmark (not a test): CPU per value of the compressors considered for the payload codec,
 * on the ~5 KB event records of write-batch-bench.ts. Best of 6 rounds, because the machine is shared.
 * Run: node --import tsx packages/storage-sqlite/bench/payload-codec-bench.ts
 */
import zlib from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { eventWrite, newEventId } from '@fixloop/storage-contract';
import { encodeJsonText } from '@fixloop/storage-sql';

const noise = Array.from({ length: 4096 }, () => randomBytes(8).toString('hex'));
const texts = Array.from({ length: 1000 }, (_, i) => {
  const w = eventWrite(1, { eventId: newEventId(), userKey: `id:${i}`, tags: { browser: 'Chrome' } });
  const frames = Array.from({ length: 30 }, (_, f) => ({
    filename: `/app/src/module-${f}.js`,
    function: `handler${f}`,
    lineno: f * 7 + (i % 13),
    context_line: `  const value = compute(${f}, input); // ${noise[(i * 31 + f) % noise.length]}`,
  }));
  w.event.payload = {
    ...w.event.payload,
    exception: { values: [{ type: 'TypeError', stacktrace: { frames } }] },
  };
  const { projectId: _p, eventId: _e, timestamp: _t, receivedAt: _r, ...rest } = w.event;
  return JSON.stringify(rest);
});

const { BROTLI_PARAM_QUALITY: Q, BROTLI_PARAM_LGWIN: W } = zlib.constants;
const candidates: [string, (text: string) => Buffer][] = [
  ['zlib level 1 (old format)', (t) => zlib.deflateSync(Buffer.from(t), { level: 1 })],
  ['raw deflate level 1', (t) => zlib.deflateRawSync(t, { level: 1 })],
  ['raw deflate l1 wb13 mem6', (t) => zlib.deflateRawSync(t, { level: 1, windowBits: 13, memLevel: 6 })],
  ['brotli q0 w16', (t) => zlib.brotliCompressSync(t, { params: { [Q]: 0, [W]: 16 } })],
  ['brotli q1 w14', (t) => zlib.brotliCompressSync(t, { params: { [Q]: 1, [W]: 14 } })],
  ['encodeJsonText (codec)', encodeJsonText],
];
const best = new Map<string, number>();
const bytes = new Map<string, number>();
for (let round = 0; round < 7; round++) {
  for (const [name, compress] of candidates) {
    let size = 0;
    const before = process.cpuUsage();
    for (const text of texts) size += compress(text).length;
    const cpu = process.cpuUsage(before);
    const micros = (cpu.user + cpu.system) / texts.length;
    if (round > 0) best.set(name, Math.min(best.get(name) ?? Infinity, micros));
    bytes.set(name, size / texts.length);
  }
}
console.log(`${texts.length} values of ${Buffer.byteLength(texts[0] ?? '')} B JSON, best of 6 rounds:`);
for (const [name] of candidates) {
  console.log(`${name.padEnd(28)} ${best.get(name)?.toFixed(1)} µs  ${bytes.get(name)?.toFixed(0)} B`);
}
