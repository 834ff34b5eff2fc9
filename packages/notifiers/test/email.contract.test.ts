import { simpleParser } from 'mailparser';
import { expect } from 'vitest';
import { EmailNotifier } from '../src/index.ts';
import { FakeSmtpServer } from './fake-smtp-server.ts';
import { describeNotifierContract, type ContractDelivery } from './notifier-contract.ts';

const parse = (delivery: ContractDelivery) => simpleParser(delivery.body);

describeNotifierContract({
  name: 'e-mail over SMTP (real smtp-server)',
  startFake: () => FakeSmtpServer.start(),
  createNotifier: (fake, { timeoutMs }) => ({
    notifier: new EmailNotifier(
      {
        kind: 'email',
        host: '127.0.0.1',
        port: fake.port,
        secure: false,
        requireTls: false,
        from: 'Fixloop <alerts@fixloop.test>',
        to: ['oncall@fixloop.test', 'lead@fixloop.test'],
      },
      { timeoutMs },
    ),
    target: {},
  }),
  assertRequest: async (delivery) => {
    expect(delivery.headers['mail-from']).toBe('alerts@fixloop.test');
    expect(delivery.headers['rcpt-to']).toEqual(['oncall@fixloop.test', 'lead@fixloop.test']);
    const mail = await parse(delivery);
    expect(mail.subject).toBe('[Fixloop] New issue: Payment failed for [email] (SHOP-7)');
    expect(mail.from?.value).toEqual([{ name: 'Fixloop', address: 'alerts@fixloop.test' }]);
    expect(mail.to).toMatchObject({ text: 'oncall@fixloop.test, lead@fixloop.test' });
    expect(mail.text).toContain('Severity: blocking (error)');
    expect(mail.text).toContain('Open in Fixloop: https://fixloop.example.com/issues/42');
    const html = String(mail.html);
    expect(html).toContain(
      '<a href="https://fixloop.example.com/issues/42" style="font-weight:600">Open SHOP-7 in Fixloop</a>',
    );
    expect(html).toContain('<pre');
  },
  visibleText: async (delivery) => {
    const mail = await parse(delivery);
    return `${mail.subject}\n${mail.text}\n${String(mail.html)}`;
  },
  expectedMessageId: (delivery) => /^Message-ID: (<[^>]+>)/im.exec(delivery.body)?.[1],
  rateLimitRetryAfterMs: undefined,
});
