import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestRepository } from '@fixloop/git/test-repository';
import { FakeLlmServer, fakeReply } from '@fixloop/llm/testing';
import { TestApiClient } from '../testing/test-api-client.ts';
import { errorEvent, newEventId, startTestFixloop } from '../testing/test-fixloop.ts';
import type { TestFixloop } from '../testing/test-fixloop.ts';

const TOKEN = 'llm-investigation-token-0123456789';

describe('investigation with an LLM configured (fake OpenAI wire server)', () => {
  let t: TestFixloop;
  let llm: FakeLlmServer;
  beforeAll(async () => {
    llm = await FakeLlmServer.start();
    const repo = TestRepository.create('main');
    repo
      .write('src/checkout.js', 'export function pay(order) {\n  return order.total.amount;\n}\n')
      .commit('checkout', { date: new Date('2026-11-01T00:00:00Z') });
    t = await startTestFixloop({
      env: { FIXLOOP_ADMIN_TOKEN: TOKEN, OPENAI_KEY_FOR_TEST: 'sk-test' },
      configFile: {
        organizations: [
          {
            slug: 'acme',
            name: 'Acme',
            projects: [{ slug: 'shop', name: 'Shop', repository: { url: `file://${repo.bareClone()}` } }],
          },
        ],
        llm: {
          enabled: true,
          chain: [
            { provider: 'openai', model: 'gpt-4o', apiKey: 'env:OPENAI_KEY_FOR_TEST', baseUrl: llm.baseUrl },
          ],
        },
      },
    });
  });
  afterAll(async () => {
    await t.stop();
    await llm.close();
  });

  it('adds the structured analysis to the report and records tokens and cost', async () => {
    llm.script(
      fakeReply.json(
        { files: ['src/checkout.js'], reason: 'crash site' },
        { usage: { promptTokens: 1000, completionTokens: 100 } },
      ),
      fakeReply.json(
        {
          rootCauseSummary: 'order.total is undefined for free orders',
          detailedAnalysis: 'src/checkout.js:2',
          affectedComponent: 'checkout',
          errorCategory: 'null_reference',
          likelyCauses: ['free orders have no total'],
          suggestedFixes: ['guard order.total'],
          relatedFiles: ['src/checkout.js'],
          canAutoFix: true,
          confidence: 0.7,
        },
        { usage: { promptTokens: 2000, completionTokens: 300 } },
      ),
    );
    const org = await t.fixloop.storage.projects.getOrganizationBySlug('acme');
    const project = await t.fixloop.storage.projects.getProjectBySlug(org!.id, 'shop');
    const [key] = await t.fixloop.storage.projects.listKeys(project!.id);
    const response = await fetch(
      t.url(`/api/${project!.id}/store/?sentry_key=${key!.publicKey}&sentry_version=7`),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          errorEvent(newEventId(), "Cannot read properties of undefined (reading 'amount')"),
        ),
      },
    );
    expect(response.status).toBe(200);
    const { issues } = await t.fixloop.storage.issues.listIssues({
      projectIds: [project!.id],
      sort: 'date',
      limit: 1,
      offset: 0,
    });
    const api = new TestApiClient(t.fixloop.url, TOKEN);
    let investigation: Record<string, unknown> | undefined;
    const deadline = Date.now() + 20_000;
    while (investigation?.['status'] !== 'completed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      investigation = (
        await api.get<Record<string, unknown>[]>(`/api/0/issues/${issues[0]!.id}/investigations/`)
      ).body[0];
    }
    expect(investigation).toMatchObject({
      status: 'completed',
      model: 'openai/gpt-4o',
      promptTokens: 3000,
      completionTokens: 400,
    });
    expect(investigation!['costUsd']).toBeGreaterThan(0);
    expect((investigation!['report'] as { analysis: { rootCause: string } }).analysis.rootCause).toBe(
      'order.total is undefined for free orders',
    );
    expect(investigation!['markdown']).toContain('order.total is undefined for free orders');
    expect(llm.requests[0]?.headers['authorization']).toBe('Bearer sk-test');
    const spent = await t.fixloop.storage.llmUsage.spentThisMonth(project!.id, new Date());
    expect(spent).toBeCloseTo(investigation!['costUsd'] as number);
  });
});
