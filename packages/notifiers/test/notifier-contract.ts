import type { AlertMessage, DeliveryTarget, Notifier } from '@fixloop/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contractMessage, deliveredStack, issuelessMessages, PII_EMAIL, PII_IP } from './contract-message.ts';
import type { FakeMode } from './fake-provider-server.ts';

/** One request as the fake provider received it (for SMTP: the envelope in headers, the raw MIME as body). */
export interface ContractDelivery {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ContractFake {
  setNextMode(mode: FakeMode): void;
  deliveries(): ContractDelivery[];
  reset(): void;
  close(): Promise<void>;
}

export interface NotifierContractSubject<F extends ContractFake> {
  name: string;
  startFake(): Promise<F>;
  createNotifier(fake: F, options: { timeoutMs: number }): { notifier: Notifier; target: DeliveryTarget };
  /** Asserts method, path, headers and body fields of the request a successful send produced. */
  assertRequest(delivery: ContractDelivery, message: AlertMessage): void | Promise<void>;
  /** Everything a reader of the delivered message could see, decoded (JSON strings, MIME parts). */
  visibleText(delivery: ContractDelivery): string | Promise<string>;
  /** The provider message id the notifier must report for this delivery; undefined when the provider has none. */
  expectedMessageId(delivery: ContractDelivery): string | undefined;
  /** What the fake's rate-limit answer says to wait; undefined when the provider gives no delay. */
  rateLimitRetryAfterMs: number | undefined;
}

/** The one behavioural suite every channel passes, each against a local stand-in speaking its wire format. */
export function describeNotifierContract<F extends ContractFake>(subject: NotifierContractSubject<F>): void {
  describe(`Notifier contract: ${subject.name}`, () => {
    let fake: F;
    let notifier: Notifier;
    let target: DeliveryTarget;

    beforeAll(async () => {
      fake = await subject.startFake();
      ({ notifier, target } = subject.createNotifier(fake, { timeoutMs: 400 }));
    });
    afterAll(() => fake.close());
    beforeEach(() => fake.reset());

    const only = (): ContractDelivery => {
      const all = fake.deliveries();
      expect(all).toHaveLength(1);
      return all[0] as ContractDelivery;
    };

    it('delivers the alert as the provider expects it and reports the provider message id', async () => {
      const message = contractMessage();
      const result = await notifier.send(message, target);
      const delivery = only();
      const id = subject.expectedMessageId(delivery);
      expect(result).toEqual(id === undefined ? { ok: true } : { ok: true, providerMessageId: id });
      await subject.assertRequest(delivery, message);
    });

    it('scrubs PII from everything it sends', async () => {
      expect((await notifier.send(contractMessage(), target)).ok).toBe(true);
      const text = await subject.visibleText(only());
      expect(text).toContain('Payment failed for');
      expect(text).not.toContain(PII_EMAIL);
      expect(text).not.toContain(PII_IP);
    });

    it('sends the top of the stack trace, at most 500 characters of it', async () => {
      expect((await notifier.send(contractMessage(), target)).ok).toBe(true);
      const { frames, chars } = deliveredStack(await subject.visibleText(only()));
      expect(frames[0]).toBe(0);
      expect(frames.length).toBeGreaterThan(3);
      expect(chars).toBeLessThanOrEqual(500);
    });

    it('formats digests and test messages too', async () => {
      for (const message of issuelessMessages()) {
        expect(await notifier.send(message, target)).toMatchObject({ ok: true });
      }
      expect(fake.deliveries()).toHaveLength(2);
      expect(await subject.visibleText(fake.deliveries()[0] as ContractDelivery)).toContain('SHOP-8');
    });

    const failures: Array<[FakeMode, string, boolean]> = [
      ['rate_limited', 'rate limiting is retryable after the provider delay', true],
      ['server_error', 'a server error is retryable', true],
      ['bad_request', 'a rejected request is not retryable', false],
      ['hang', 'a timeout is retryable', true],
    ];
    for (const [mode, title, retryable] of failures) {
      it(title, async () => {
        fake.setNextMode(mode);
        const result = await notifier.send(contractMessage(), target);
        expect(result).toMatchObject({ ok: false, retryable });
        if (result.ok) return;
        expect(result.error.length).toBeGreaterThan(0);
        const expectedDelay = mode === 'rate_limited' ? subject.rateLimitRetryAfterMs : undefined;
        expect(result.retryAfterMs).toBe(expectedDelay);
        expect(fake.deliveries()).toHaveLength(1);
      });
    }
  });
}
