import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError, DEFAULT_AUTOFIX_SETTINGS } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load-config.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fixloop-config-'));
}

function expectConfigError(run: () => unknown, ...fragments: string[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe('config_invalid');
  for (const fragment of fragments) expect((caught as AppError).message).toContain(fragment);
}

const KEY = 'a'.repeat(32);

describe('loadConfig: environment', () => {
  it('applies defaults', () => {
    const cwd = tempDir();
    const config = loadConfig({ env: {}, cwd });
    expect(config.port).toBe(8000);
    expect(config.host).toBe('0.0.0.0');
    expect(config.baseUrl).toBe('http://localhost:8000');
    expect(config.baseUrlIsDefault).toBe(true);
    expect(config.dataDir).toBe(join(cwd, '.fixloop'));
    expect(config.database).toEqual({ dialect: 'sqlite', filename: join(cwd, '.fixloop', 'fixloop.db') });
    expect(config.ingest).toEqual({ batchMax: 256, batchDelayMs: 2, threads: null, maxQueuedEvents: 10_000 });
    expect(config.worker.retentionIntervalMinutes).toBe(60);
    expect(config.trustProxy).toBe(false);
    expect(config.organizations).toEqual([]);
    expect(config.configFile).toBeNull();
  });

  it('reads every variable', () => {
    const cwd = tempDir();
    const config = loadConfig({
      cwd,
      env: {
        PORT: '9000',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgresql://u:p@localhost/db',
        FIXLOOP_DATA_DIR: '/tmp/x',
        FIXLOOP_BASE_URL: 'https://fix.example.com/',
        FIXLOOP_ADMIN_TOKEN: 't'.repeat(20),
        FIXLOOP_ADMIN_EMAIL: 'a@b.c',
        FIXLOOP_ADMIN_PASSWORD: 'secret-pass',
        FIXLOOP_LOG_LEVEL: 'warn',
        FIXLOOP_TRUST_PROXY: 'true',
        FIXLOOP_INGEST_BATCH_MAX: '64',
        FIXLOOP_INGEST_BATCH_DELAY_MS: '0',
        FIXLOOP_INGEST_THREADS: '3',
        FIXLOOP_RETENTION_INTERVAL_MINUTES: '5',
        UNRELATED: 'ignored',
      },
    });
    expect(config.port).toBe(9000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({
      dialect: 'postgres',
      connectionString: 'postgresql://u:p@localhost/db',
    });
    expect(config.dataDir).toBe('/tmp/x');
    expect(config.baseUrl).toBe('https://fix.example.com');
    expect(config.baseUrlIsDefault).toBe(false);
    expect(config.admin).toEqual({ token: 't'.repeat(20), email: 'a@b.c', password: 'secret-pass' });
    expect(config.logLevel).toBe('warn');
    expect(config.trustProxy).toBe(true);
    expect(config.ingest.batchMax).toBe(64);
    expect(config.ingest.batchDelayMs).toBe(0);
    expect(config.ingest.threads).toBe(3);
    expect(config.worker.retentionIntervalMinutes).toBe(5);
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ env: { PORT: '', DATABASE_URL: ' ' }, cwd: tempDir() });
    expect(config.port).toBe(8000);
    expect(config.database.dialect).toBe('sqlite');
    expect(config.ingest.threads).toBeNull(); // automatic
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ FIXLOOP_BASE_URL: 'not a url' }, 'FIXLOOP_BASE_URL'],
    [{ FIXLOOP_ADMIN_TOKEN: 'short' }, 'FIXLOOP_ADMIN_TOKEN'],
    [{ FIXLOOP_ADMIN_EMAIL: 'nope' }, 'FIXLOOP_ADMIN_EMAIL'],
    [{ FIXLOOP_ADMIN_PASSWORD: '123' }, 'FIXLOOP_ADMIN_PASSWORD'],
    [{ FIXLOOP_LOG_LEVEL: 'loud' }, 'FIXLOOP_LOG_LEVEL'],
    [{ FIXLOOP_TRUST_PROXY: 'maybe' }, 'FIXLOOP_TRUST_PROXY'],
    [{ FIXLOOP_INGEST_BATCH_MAX: '0' }, 'FIXLOOP_INGEST_BATCH_MAX'],
    [{ FIXLOOP_INGEST_BATCH_DELAY_MS: '1.5' }, 'FIXLOOP_INGEST_BATCH_DELAY_MS'],
    [{ FIXLOOP_INGEST_THREADS: '-1' }, 'FIXLOOP_INGEST_THREADS'],
    [{ FIXLOOP_RETENTION_INTERVAL_MINUTES: '-1' }, 'FIXLOOP_RETENTION_INTERVAL_MINUTES'],
  ])('rejects %j naming %s', (env, key) => {
    expectConfigError(() => loadConfig({ env, cwd: tempDir() }), `${key}:`);
  });

  it('rejects unknown FIXLOOP_ variables by name', () => {
    expectConfigError(
      () => loadConfig({ env: { FIXLOOP_DATADIR: '/x', FIXLOOP_PORT: '1' }, cwd: tempDir() }),
      'FIXLOOP_DATADIR, FIXLOOP_PORT',
      'unknown environment variables',
    );
  });

  it('fails when an explicit FIXLOOP_CONFIG is missing', () => {
    expectConfigError(
      () => loadConfig({ env: { FIXLOOP_CONFIG: 'nope.yaml' }, cwd: tempDir() }),
      'FIXLOOP_CONFIG',
    );
  });
});

describe('loadConfig: config file', () => {
  it('reads a YAML file with projects, pinned keys and settings', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'fixloop.config.yaml'),
      [
        'organizations:',
        '  - slug: acme',
        '    name: Acme',
        '    projects:',
        '      - slug: web',
        '        name: Web',
        '        platform: javascript',
        `        keys: ["${KEY}"]`,
        '        rateLimit: { count: 10, windowSeconds: 60 }',
        '        scrubbing: { extraFields: [iban] }',
        '        retention: { eventsDays: 7 }',
        '        repository: { url: "file:///srv/web.git", baseBranch: main, codeMappings: [{ stackRoot: /app/, sourceRoot: "" }] }',
        '        investigation: { postComment: false }',
      ].join('\n'),
    );
    const config = loadConfig({ env: {}, cwd });
    expect(config.configFile).toBe(join(cwd, 'fixloop.config.yaml'));
    const project = config.organizations[0]?.projects[0];
    expect(project).toEqual({
      slug: 'web',
      name: 'Web',
      platform: 'javascript',
      keys: [KEY],
      settings: {
        rateLimit: { count: 10, windowSeconds: 60 },
        repository: {
          url: 'file:///srv/web.git',
          baseBranch: 'main',
          codeMappings: [{ stackRoot: '/app/', sourceRoot: '' }],
        },
        investigation: { auto: true, postComment: false, monthlyBudgetUsd: null },
        autofix: DEFAULT_AUTOFIX_SETTINGS,
        scrubbing: { enabled: true, extraFields: ['iban'], safeFields: [], scrubIpAddresses: false },
        eventRetentionDays: 7,
        timelineRetentionDays: 30,
      },
    });
  });

  it('names the bad key inside a repository section', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'fixloop.config.json'),
      JSON.stringify({
        organizations: [
          {
            slug: 'a',
            name: 'A',
            projects: [{ slug: 'p', name: 'P', repository: { url: 'x', branch: 'main' } }],
          },
        ],
      }),
    );
    expect(() => loadConfig({ env: {}, cwd })).toThrow(
      'fixloop.config.json: organizations[0].projects[0].repository.branch: unknown key "branch"',
    );
  });

  it('prefers fixloop.config.json and honours FIXLOOP_CONFIG', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'fixloop.config.json'),
      JSON.stringify({ organizations: [{ slug: 'a', name: 'A' }] }),
    );
    writeFileSync(join(cwd, 'other.yml'), 'organizations: [{ slug: b, name: B }]');
    expect(loadConfig({ env: {}, cwd }).organizations[0]?.slug).toBe('a');
    expect(loadConfig({ env: { FIXLOOP_CONFIG: 'other.yml' }, cwd }).organizations[0]?.slug).toBe('b');
  });

  const project = (extra: Record<string, unknown>) => ({
    organizations: [
      {
        slug: 'o',
        name: 'O',
        projects: [
          { slug: 'p', name: 'P' },
          { slug: 'q', name: 'Q', ...extra },
        ],
      },
    ],
  });

  it.each([
    [project({ keys: ['xyz'] }), 'organizations[0].projects[1].keys[0]: must be 32 hex characters'],
    [project({ colour: 'red' }), 'organizations[0].projects[1].colour: unknown key "colour"'],
    [project({ rateLimit: { count: 0, windowSeconds: 1 } }), 'organizations[0].projects[1].rateLimit.count'],
    [project({ scrubbing: { enabled: 'yes' } }), 'organizations[0].projects[1].scrubbing.enabled'],
    [project({ retention: { eventsDays: 1.5 } }), 'organizations[0].projects[1].retention.eventsDays'],
    [project({ slug: 'Bad Slug' }), 'organizations[0].projects[1].slug'],
    [project({ slug: 'p' }), 'organizations[0].projects[1].slug: duplicate project slug'],
    [{ organizations: [{ slug: 'o' }] }, 'organizations[0].name'],
    [{ orgs: [] }, 'fixloop.config.json: orgs: unknown key'],
  ])('rejects %j with its path', (content, fragment) => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'fixloop.config.json'), JSON.stringify(content));
    expectConfigError(() => loadConfig({ env: {}, cwd }), 'fixloop.config.json: ', fragment);
  });

  it('rejects a key pinned by two projects', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'fixloop.config.json'),
      JSON.stringify(project({ keys: [KEY] })).replace('"name":"P"', `"name":"P","keys":["${KEY}"]`),
    );
    expectConfigError(
      () => loadConfig({ env: {}, cwd }),
      'organizations[0].projects[1].keys[0]: key is already used',
    );
  });

  it('reports unparsable files', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'fixloop.config.yaml'), 'organizations: [\n  - : :');
    expectConfigError(() => loadConfig({ env: {}, cwd }), 'fixloop.config.yaml: cannot parse');
    writeFileSync(join(cwd, 'fixloop.config.json'), '{ nope');
    expectConfigError(() => loadConfig({ env: {}, cwd }), 'fixloop.config.json: cannot parse');
  });
});

describe('the llm section', () => {
  it('is disabled by default', () => {
    const config = loadConfig({ env: {}, cwd: tempDir() });
    expect(config.llm).toMatchObject({ enabled: false, chain: [], monthlyBudgetUsd: 10 });
  });

  it('reads a fallback chain with API keys taken from the environment', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'fixloop.config.json'),
      JSON.stringify({
        llm: {
          enabled: true,
          chain: [
            { provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'env:ANTHROPIC_API_KEY' },
            { provider: 'openai-compatible', model: 'llama3.1', baseUrl: 'http://127.0.0.1:11434/v1' },
          ],
        },
      }),
    );
    const config = loadConfig({ env: { ANTHROPIC_API_KEY: 'sk-ant-123' }, cwd });
    expect(config.llm.chain[0]).toMatchObject({ provider: 'anthropic', apiKey: 'sk-ant-123' });
    expect(config.llm.chain[1]).toMatchObject({ provider: 'openai-compatible' });
    expect(() => loadConfig({ env: {}, cwd })).toThrow(
      'fixloop.config.json: llm.chain[0].apiKey: environment variable ANTHROPIC_API_KEY is not set',
    );
  });

  it('names the bad key of a chain entry', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'fixloop.config.json'),
      JSON.stringify({
        llm: { enabled: true, chain: [{ provider: 'openai', model: 'gpt-4o', apiKey: 'k', temperature: 1 }] },
      }),
    );
    expect(() => loadConfig({ env: {}, cwd })).toThrow(
      /llm\.chain\[0\]\.temperature: unknown key "temperature"/,
    );
  });
});
