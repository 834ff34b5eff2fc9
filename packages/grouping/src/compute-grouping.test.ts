import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeGrouping } from './index.ts';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function nodeEvent(frames: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    platform: 'node',
    exception: { values: [{ type: 'TypeError', value: 'boom 42', stacktrace: { frames } }] },
    ...extra,
  };
}

describe('frame rules', () => {
  it('uses module over filename, trims JS functions and ignores line numbers', () => {
    const a = computeGrouping(
      nodeEvent([
        {
          module: 'app.handler',
          filename: '/srv/app/handler.js',
          function: 'Router.handle',
          lineno: 1,
          in_app: true,
        },
      ]),
    );
    const b = computeGrouping(
      nodeEvent([
        {
          module: 'app.handler',
          filename: '/srv/app/other.js',
          function: 'handle',
          lineno: 99,
          in_app: true,
        },
      ]),
    );
    expect(a.primaryVariant).toBe('app');
    expect(a.primaryHash).toBe(b.primaryHash);
    expect(a.primaryHash).toBe(md5('app.handlerhandleTypeError'));
  });

  it('moves node_modules frames out of the app and drops scheduler frames from grouping', () => {
    const result = computeGrouping(
      nodeEvent([
        { filename: '/srv/node_modules/lib/x.js', abs_path: '/srv/node_modules/lib/x.js', function: 'lib' },
        { filename: 'internal/process/task_queues', function: 'processTicksAndRejections' },
        { filename: '/srv/app.js', abs_path: '/srv/app.js', function: 'main', in_app: true },
      ]),
    );
    expect(result.variants.app).toBe(md5('app.jsmainTypeError'));
    expect(result.variants.system).toBe(md5('x.jslibapp.jsmainTypeError'));
  });

  it('ignores recursion and URL filenames, and falls back to the value without frames', () => {
    const frame = { filename: 'a.js', abs_path: 'https://x.com/a.js', function: 'f', lineno: 1 };
    const result = computeGrouping({
      platform: 'javascript',
      exception: [{ type: 'E', value: 'v', stacktrace: { frames: [frame, frame] } }],
    });
    expect(result.primaryHash).toBe(md5('fE'));
    expect(computeGrouping({ exception: [{ type: 'E', value: 'user 17 missing' }] }).primaryHash).toBe(
      md5('Euser <int> missing'),
    );
  });
});

describe('fingerprints', () => {
  const base = {
    platform: 'python',
    exception: { values: [{ type: 'KeyError', value: 'x' }] },
    transaction: '/checkout',
    level: 'error',
    logger: 'app',
    tags: [['region', 'eu']],
  };

  it('resolves variables', () => {
    const result = computeGrouping({
      ...base,
      fingerprint: [
        '{{ type }}',
        '{{ transaction }}',
        '{{ level }}',
        '{{ logger }}',
        '{{ tags.region }}',
        '{{ error.type }}',
      ],
    });
    expect(result.primaryVariant).toBe('custom_fingerprint');
    expect(result.primaryHash).toBe(md5('KeyError/checkouterrorappeuKeyError'));
  });

  it('salts the default hash with {{ default }}', () => {
    const plain = computeGrouping(base).primaryHash;
    const salted = computeGrouping({ ...base, fingerprint: ['{{ default }}', 'extra'] });
    expect(plain).toBe(md5('KeyErrorx'));
    expect(salted.primaryHash).toBe(md5('KeyErrorxextra'));
    expect(computeGrouping({ ...base, fingerprint: ['{{default}}'] }).primaryHash).toBe(plain);
  });

  it('applies server rules before the client fingerprint', () => {
    const result = computeGrouping(
      { ...base, fingerprint: ['client'] },
      { fingerprintRules: 'error.type:KeyError -> server-side' },
    );
    expect(result.primaryHash).toBe(md5('server-side'));
  });

  it('never throws on odd shapes', () => {
    for (const event of [
      {},
      { exception: 5 },
      { threads: 'x' },
      { message: { bad: 1 } },
      { stacktrace: { frames: [null, 3] } },
    ]) {
      expect(computeGrouping(event as Record<string, unknown>).primaryHash).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});
