import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCRUBBING } from '@fixloop/core';
import { normalizeEvent } from '@fixloop/normalize';
import { runFixAttempt } from '../src/index.ts';
import { autofixHarness, BOT, type AutofixHarness } from './support/autofix-harness.ts';
import { runTestAt } from './support/run-test-at.ts';
import { captureSentryCrash } from './support/sentry-crash.ts';
import { SHOP_BASE } from './support/shop-app.ts';

/** A missing import inside a helper that only runs through Array.map: no frame beyond map has vars. */
const LABELS = `function lineLabel(cents) {
  return 'Item: ' + formatMoney(cents);
}

export function receiptLines(prices) {
  return prices.map((cents) => lineLabel(cents));
}
`;

const harnesses: AutofixHarness[] = [];
afterEach(() => harnesses.splice(0).forEach((h) => h.cleanup()));

describe('a real @sentry/node crash, end to end', () => {
  it(
    'turns the captured frame vars into a reproduction and commits a proven fix',
    { timeout: 90_000 },
    async () => {
      const h = await autofixHarness({ ...SHOP_BASE, 'src/labels.js': LABELS }, process.env);
      harnesses.push(h);
      const sentryPath = createRequire(import.meta.url).resolve('@sentry/node');
      const raw = await captureSentryCrash({
        sentryPath,
        appModuleUrl: pathToFileURL(join(h.repo.workDir, 'src/labels.js')).href,
        exportName: 'receiptLines',
        args: [[1250, 99]],
        cwd: h.repo.workDir,
      });
      const frames =
        (raw.exception as { values: Array<{ stacktrace: { frames: Array<Record<string, unknown>> } }> })
          .values[0]?.stacktrace.frames ?? [];
      expect(frames.at(-1)).toMatchObject({ function: 'lineLabel', vars: { cents: 1250 } });
      expect(frames.some((f) => f.function === 'Array.map' && f.vars === undefined)).toBe(true);

      const { record } = normalizeEvent(raw, {
        projectId: 1,
        receivedAt: new Date(),
        clientIp: null,
        scrubbing: DEFAULT_SCRUBBING,
      });
      const started = Date.now();
      const attempt = await runFixAttempt(h.input(record.payload), h.ports, { botIdentity: BOT });
      expect(Date.now() - started).toBeLessThan(60_000);

      expect(attempt.reproduction?.content).toContain(
        'assert.doesNotThrow(() => receiptLines([1250]), ReferenceError);',
      );
      expect(attempt.state).toBe('committed');
      expect(attempt.candidate?.fixer).toBe('missing-import');
      const sha = h.repo.remoteHead('fixloop');
      expect(sha).toBe(attempt.commitSha);
      const testPath = 'test/fixloop-issue-42.test.js';
      const test = h.repo.remoteFile('fixloop', testPath);
      expect(runTestAt(h.repo.remoteDir, h.baseSha, testPath, test).output).toContain(
        'formatMoney is not defined',
      );
      expect(runTestAt(h.repo.remoteDir, sha ?? '', testPath).exitCode).toBe(0);
      expect(h.repo.remoteHead('main')).toBe(h.baseSha);
    },
  );
});
