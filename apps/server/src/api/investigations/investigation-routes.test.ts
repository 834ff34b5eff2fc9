import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestRepository } from '@fixloop/git/test-repository';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { newEventId, startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';

const TOKEN = 'investigate-admin-token-0123456789';
const CLI = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../cli/bin/fixloop.js');
const run = promisify(execFile);
const day = (n: number) => new Date(Date.UTC(2026, 10, n, 12));

/** A repo whose history has an innocent commit, the commit that broke cart.js line 3, and later noise. */
function buggyRepository(): { remote: string; bugCommit: string } {
  const repo = TestRepository.create('main');
  repo.write(
    'src/cart.js',
    'export function total(cart) {\n  let sum = 0;\n  for (const item of cart.items) sum += item.price;\n  return sum;\n}\n',
  );
  repo.commit('Add cart total', { date: day(1) });
  repo.write('README.md', '# shop\n').commit('Docs', { date: day(2) });
  repo.write(
    'src/cart.js',
    'export function total(cart) {\n  let sum = 0;\n  for (const item of cart.lines.items) sum += item.price;\n  return sum;\n}\n',
  );
  const bugCommit = repo.commit('Read items from cart.lines', { date: day(3) });
  repo.write('src/other.js', 'export const x = 1;\n').commit('Unrelated change', { date: day(4) });
  return { remote: repo.bareClone(), bugCommit };
}

function crashEvent(eventId: string): Record<string, unknown> {
  return {
    event_id: eventId,
    timestamp: day(10).getTime() / 1000,
    platform: 'node',
    level: 'error',
    exception: {
      values: [
        {
          type: 'TypeError',
          value: "Cannot read properties of undefined (reading 'items')",
          stacktrace: {
            frames: [
              {
                filename: '/app/src/server.js',
                abs_path: '/app/src/server.js',
                function: 'handle',
                lineno: 9,
                in_app: true,
              },
              {
                filename: '/app/src/cart.js',
                abs_path: '/app/src/cart.js',
                function: 'total',
                lineno: 3,
                colno: 40,
                in_app: true,
              },
            ],
          },
        },
      ],
    },
  };
}

describe.each(TEST_BACKENDS)('investigations API on %s', (backend) => {
  let t: TestFixloop;
  let bugCommit: string;
  let api: TestApiClient;
  let issueId: number;
  beforeAll(async () => {
    const repository = buggyRepository();
    bugCommit = repository.bugCommit;
    t = await startTestFixloop({
      backend,
      env: { FIXLOOP_ADMIN_TOKEN: TOKEN },
      configFile: {
        organizations: [
          {
            slug: 'acme',
            name: 'Acme',
            projects: [
              {
                slug: 'shop',
                name: 'Shop',
                repository: {
                  url: `file://${repository.remote}`,
                  codeMappings: [{ stackRoot: '/app/', sourceRoot: '' }],
                },
              },
            ],
          },
          { slug: 'other', name: 'Other', projects: [{ slug: 'web', name: 'Web' }] },
        ],
      },
    });
    api = new TestApiClient(t.fixloop.url, TOKEN);
    const project = await t.fixloop.storage.projects.getProjectBySlug(
      (await t.fixloop.storage.projects.getOrganizationBySlug('acme'))!.id,
      'shop',
    );
    const [key] = await t.fixloop.storage.projects.listKeys(project!.id);
    const stored = await fetch(
      t.url(`/api/${project!.id}/store/?sentry_key=${key!.publicKey}&sentry_version=7`),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(crashEvent(newEventId())),
      },
    );
    expect(stored.status).toBe(200);
    const { issues } = await t.fixloop.storage.issues.listIssues({
      projectIds: [project!.id],
      sort: 'date',
      limit: 1,
      offset: 0,
    });
    issueId = issues[0]!.id;
  });
  afterAll(() => t.stop());

  async function waitForInvestigations(count: number): Promise<Record<string, unknown>[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await api.get<Record<string, unknown>[]>(`/api/0/issues/${issueId}/investigations/`);
      const finished = response.body.filter((i) => i['status'] === 'completed' || i['status'] === 'failed');
      if (finished.length >= count || Date.now() > deadline) return response.body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('investigates a new issue automatically and ranks the commit that broke the line first', async () => {
    const [investigation] = await waitForInvestigations(1);
    expect(investigation).toMatchObject({ status: 'completed', trigger: 'auto', issueId: String(issueId) });
    const report = investigation!['report'] as {
      suspectCommits: { sha: string }[];
      culprit: { path: string; line: number };
    };
    expect(report.suspectCommits[0]?.sha).toBe(bugCommit);
    expect(report.culprit).toMatchObject({ repoPath: 'src/cart.js', line: 3 });
    expect(investigation!['markdown']).toContain('## Fixloop investigation');
    expect(investigation!['commitSha']).toMatch(/^[0-9a-f]{40}$/);
    // Posted once as a comment by Fixloop itself, readable through the Sentry comments endpoint.
    const comments = await api.get<{ data: { text: string }; user: unknown }[]>(
      `/api/0/issues/${issueId}/comments/`,
    );
    const posted = comments.body.filter((c) => c.data.text.includes('## Fixloop investigation'));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.user).toBeNull();
    expect(posted[0]?.data.text).toContain(bugCommit.slice(0, 7));
  });

  it('previews with dryRun without storing anything', async () => {
    const before = (await api.get<unknown[]>(`/api/0/issues/${issueId}/investigations/`)).body.length;
    const preview = await api.post<{ dryRun: boolean; markdown: string }>(
      `/api/0/issues/${issueId}/investigate/`,
      { dryRun: true },
    );
    expect(preview.status).toBe(200);
    expect(preview.body.dryRun).toBe(true);
    expect(preview.body.markdown).toContain(bugCommit.slice(0, 7));
    expect((await api.get<unknown[]>(`/api/0/issues/${issueId}/investigations/`)).body.length).toBe(before);
  });

  it('re-runs on demand, reusing the cached result when nothing changed, and audits the request', async () => {
    const requested = await api.post<{ id: string; status: string }>(
      `/api/0/issues/${issueId}/investigate/`,
      {},
    );
    expect(requested.status).toBe(202);
    expect(requested.body.status).toBe('pending');
    const all = await waitForInvestigations(2);
    const rerun = all.find((i) => i['id'] === requested.body.id);
    expect(rerun).toMatchObject({ status: 'completed', trigger: 'manual' });
    expect(rerun!['summary']).toMatch(/unchanged since investigation/);
    // An unchanged result is not posted a second time.
    const comments = await api.get<{ data: { text: string } }[]>(`/api/0/issues/${issueId}/comments/`);
    expect(comments.body.filter((c) => c.data.text.includes('## Fixloop investigation'))).toHaveLength(1);
    const detail = await api.get<{ id: string }>(`/api/0/investigations/${requested.body.id}/`);
    expect(detail.body.id).toBe(requested.body.id);
    const audit = await t.fixloop.storage.audit.list({
      action: 'investigation.request',
      limit: 5,
      offset: 0,
    });
    expect(audit[0]?.target).toBe(`issue:${issueId}`);
    const orgList = await api.get<{ id: string }[]>('/api/0/organizations/acme/investigations/');
    expect(orgList.body.map((i) => i.id)).toContain(requested.body.id);
  });

  it('keeps other organizations out (404) and validates the body (400)', async () => {
    const { token } = await createTestUserToken(t.fixloop.storage, { organization: 'other', role: 'owner' });
    const outsider = new TestApiClient(t.fixloop.url, token);
    expect((await outsider.get(`/api/0/issues/${issueId}/investigations/`)).status).toBe(404);
    expect((await outsider.post(`/api/0/issues/${issueId}/investigate/`, {})).status).toBe(404);
    expect((await outsider.get('/api/0/organizations/acme/investigations/')).status).toBe(404);
    const bad = await api.post<{ detail: string }>(`/api/0/issues/${issueId}/investigate/`, {
      dryRun: 'yes',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('dryRun');
  });

  it('`fixloop investigate` prints the report, as a dry run or after the job', async () => {
    const env = { PATH: process.env['PATH'] ?? '', FIXLOOP_URL: t.fixloop.url, FIXLOOP_TOKEN: TOKEN };
    const dry = await run(process.execPath, [CLI, 'investigate', String(issueId), '--dry-run'], { env });
    expect(dry.stdout).toContain('## Fixloop investigation');
    expect(dry.stdout).toContain(bugCommit.slice(0, 7));
    const real = await run(process.execPath, [CLI, 'investigate', String(issueId), '--timeout', '60'], {
      env,
    });
    expect(real.stdout).toContain('## Fixloop investigation');
    const missing = await run(process.execPath, [CLI, 'investigate', '999999'], { env }).catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(missing).toMatchObject({ code: 1 });
    expect((missing as { stderr: string }).stderr).toMatch(/Fixloop API 404/);
  });
});
