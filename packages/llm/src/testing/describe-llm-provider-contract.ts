import { fixedClock, type LlmUsageEntry } from '@fixloop/core';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { FallbackLlmClient, type FallbackLlmClientOptions } from '../fallback-llm-client.ts';
import { InMemoryLlmUsageLedger } from '../in-memory-llm-usage-ledger.ts';
import type { LlmProviderConfig } from '../llm-config-schema.ts';
import { fakeReply } from './fake-llm-reply.ts';
import { FakeLlmServer } from './fake-llm-server.ts';

const analysisSchema = z.object({
  rootCause: z.string(),
  confidence: z.number().min(0).max(1),
  files: z.array(z.string()),
});
const analysis = { rootCause: 'cart is null', confidence: 0.8, files: ['src/cart.ts'] };
const base = { projectId: 1, issueId: 42, purpose: 'contract' };

/**
 * ONE behaviour every provider of the chain must show, run against the fake wire-format server: the real
 * AI SDK provider code talks HTTP to it. `makeProvider` points a chain entry of that provider at a server.
 */
export function describeLlmProviderContract(
  name: string,
  makeProvider: (server: FakeLlmServer) => LlmProviderConfig,
): void {
  describe(`LLM provider contract: ${name}`, () => {
    let primary: FakeLlmServer;
    let fallback: FakeLlmServer;
    let ledger: InMemoryLlmUsageLedger;
    let sleeps: number[];
    const clock = fixedClock(new Date('2026-05-10T12:00:00Z'));

    beforeEach(async () => {
      [primary, fallback] = await Promise.all([FakeLlmServer.start(), FakeLlmServer.start()]);
      ledger = new InMemoryLlmUsageLedger();
      sleeps = [];
    });
    afterEach(async () => {
      await Promise.all([primary.close(), fallback.close()]);
    });

    const client = (options: Partial<FallbackLlmClientOptions> = {}) =>
      new FallbackLlmClient({
        chain: [makeProvider(primary), { ...makeProvider(fallback), model: 'fallback-model' }],
        ledger,
        clock,
        sleep: async (ms) => {
          sleeps.push(ms);
          clock.advance(ms);
        },
        random: () => 0.5,
        timeoutMs: 5_000,
        maxRetries: 2,
        ...options,
      });

    it('answers plain text from the primary provider', async () => {
      primary.script(fakeReply.text('Looks like a null cart.'));
      const result = await client().generateText({ ...base, system: 'You are on call.', prompt: 'Why?' });
      expect(result).toMatchObject({ ok: true, value: 'Looks like a null cart.' });
      expect(result.attempts).toEqual([expect.objectContaining({ outcome: 'ok', error: null })]);
      expect(primary.requests).toHaveLength(1);
      expect(primary.receivedText()).toContain('You are on call.');
      expect(fallback.requests).toHaveLength(0);
    });

    it('returns structured output parsed and typed, after sending the schema', async () => {
      primary.script(fakeReply.json(analysis));
      const result = await client().generateObject({ ...base, prompt: 'Analyse', schema: analysisSchema });
      if (!result.ok) throw new Error(result.message);
      expectTypeOf(result.value).toEqualTypeOf<z.infer<typeof analysisSchema>>();
      expect(result.value).toEqual(analysis);
      expect(primary.requests[0]?.rawBody).toContain('rootCause');
    });

    it('records tokens and cost in the ledger, against the project and the issue', async () => {
      primary.script(fakeReply.text('ok', { usage: { promptTokens: 1000, completionTokens: 500 } }));
      const prices = { 'contract-': { inputPerMillionUsd: 2, outputPerMillionUsd: 10 } };
      const result = await client({ prices }).generateText({ ...base, prompt: 'Hi' });
      const usage = { promptTokens: 1000, completionTokens: 500, costUsd: 0.007 };
      expect(result).toMatchObject({ ok: true, usage });
      expect(ledger.entries).toEqual([
        expect.objectContaining<Partial<LlmUsageEntry>>({
          ...base,
          ...usage,
          outcome: 'ok',
          at: clock.now(),
        }),
      ]);
      expect(await ledger.spentThisMonth(1, clock.now())).toBe(0.007);
    });

    it('retries a 500 with backoff, then succeeds on the same provider', async () => {
      primary.script(fakeReply.error(500), fakeReply.text('second time lucky'));
      const result = await client().generateText({ ...base, prompt: 'Hi' });
      expect(result).toMatchObject({ ok: true, value: 'second time lucky' });
      expect(result.attempts.map((a) => a.outcome)).toEqual(['server_error', 'ok']);
      expect(sleeps).toEqual([375]);
      expect(primary.requests).toHaveLength(2);
    });

    it('falls back to the next provider when the primary times out on every try', async () => {
      primary.script(fakeReply.hang(), fakeReply.hang());
      fallback.script(fakeReply.text('from the fallback'));
      // Only the primary gets a short timeout, so a slow machine cannot time out the fallback too.
      const chain = [
        { ...makeProvider(primary), timeoutMs: 150 },
        { ...makeProvider(fallback), model: 'fallback-model' },
      ];
      const result = await client({ chain, maxRetries: 1 }).generateText({ ...base, prompt: 'Hi' });
      expect(result).toMatchObject({
        ok: true,
        value: 'from the fallback',
        usage: { model: 'fallback-model' },
      });
      expect(result.attempts.map((a) => `${a.model}:${a.outcome}`)).toEqual([
        expect.stringMatching(/:timeout$/),
        expect.stringMatching(/:timeout$/),
        'fallback-model:ok',
      ]);
    });

    it('does not retry a 401 and goes straight to the next provider', async () => {
      primary.script(fakeReply.error(401, { message: 'invalid x-api-key' }));
      fallback.script(fakeReply.text('ok'));
      const result = await client().generateText({ ...base, prompt: 'Hi' });
      expect(result.attempts.map((a) => a.outcome)).toEqual(['client_error', 'ok']);
      expect(primary.requests).toHaveLength(1);
    });

    it('repairs invalid JSON with one retry that shows the model its error', async () => {
      primary.script(fakeReply.text('The root cause is a null cart.'), fakeReply.json(analysis));
      const result = await client().generateObject({ ...base, prompt: 'Analyse', schema: analysisSchema });
      expect(result).toMatchObject({ ok: true, value: analysis, usage: { promptTokens: 200 } });
      expect(result.attempts.map((a) => a.outcome)).toEqual(['invalid_output', 'ok']);
      expect(primary.requests[1]?.rawBody).toContain('The root cause is a null cart.');
      expect(primary.requests[1]?.rawBody).toContain('not valid JSON');
      expect(ledger.entries.map((e) => e.outcome)).toEqual(['invalid_output', 'ok']);
    });

    it('gives up with invalid_output when the repaired answer still breaks the schema', async () => {
      primary.script(
        fakeReply.json({ rootCause: 1 }),
        fakeReply.json({ rootCause: 'x', confidence: 7, files: [] }),
      );
      fallback.script(fakeReply.json(analysis));
      const result = await client().generateObject({ ...base, prompt: 'Analyse', schema: analysisSchema });
      expect(result).toMatchObject({ ok: false, reason: 'invalid_output', usage: { promptTokens: 200 } });
      expect(!result.ok && result.message).toMatch(/confidence/);
      expect(primary.requests[1]?.rawBody).toContain('rootCause');
      expect(fallback.requests).toHaveLength(0);
      expect(ledger.entries.map((e) => e.outcome)).toEqual(['invalid_output', 'invalid_output']);
    });

    it('stops calling once the monthly budget is spent, without touching the server', async () => {
      const usage = { promptTokens: 1000, completionTokens: 500 };
      primary.script(
        fakeReply.text('one', { usage }),
        fakeReply.text('two', { usage }),
        fakeReply.text('three'),
      );
      const llm = client({
        monthlyBudgetUsd: 0.01,
        prices: { 'contract-': { inputPerMillionUsd: 2, outputPerMillionUsd: 10 } },
      });
      expect((await llm.generateText({ ...base, prompt: 'a' })).ok).toBe(true);
      expect((await llm.generateText({ ...base, prompt: 'b' })).ok).toBe(true);
      const refused = await llm.generateText({ ...base, prompt: 'c' });
      expect(refused).toMatchObject({ ok: false, reason: 'budget_exhausted', attempts: [] });
      expect(primary.requests).toHaveLength(2);
      expect((await llm.generateText({ ...base, projectId: 2, prompt: 'other project' })).ok).toBe(true);
    });

    it('never sends scrubbed data to the server', async () => {
      primary.script(fakeReply.json(analysis));
      const secrets = [
        'jane@example.com',
        'sk-live0123456789abcdefXYZ',
        '10.1.2.3',
        '+1 415 555 0100',
        'ACME-991',
      ];
      const result = await client().generateObject({
        ...base,
        system: `Reporter: ${secrets[0]}`,
        messages: [
          { role: 'user', content: `key ${secrets[1]} from ${secrets[2]}` },
          { role: 'assistant', content: 'Noted.' },
          { role: 'user', content: `call ${secrets[3]}; {"customerRef": "${secrets[4]}"}` },
        ],
        sensitiveFields: ['customerRef'],
        schema: analysisSchema,
      });
      expect(result.ok).toBe(true);
      const sent = primary.receivedText();
      for (const secret of secrets) expect(sent).not.toContain(secret);
      expect(sent).toContain('[REDACTED_EMAIL]');
      expect(sent).toContain('Noted.');
    });

    it('refuses every call when disabled', async () => {
      const result = await client({ enabled: false }).generateText({ ...base, prompt: 'Hi' });
      expect(result).toMatchObject({ ok: false, reason: 'disabled' });
      expect(primary.requests).toHaveLength(0);
    });
  });
}
