import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { ContractDelivery, ContractFake } from './notifier-contract.ts';
import type { FakeMode } from './fake-provider-server.ts';

/** SMTP replies for each failure mode: 4xx is temporary (retryable), 5xx permanent. */
const REPLIES: Record<'rate_limited' | 'server_error' | 'bad_request', [number, string]> = {
  rate_limited: [450, '4.7.1 Too many messages, slow down'],
  server_error: [451, '4.3.0 Local error in processing'],
  bad_request: [550, '5.1.1 Mailbox unavailable'],
};

/** A real SMTP server (the smtp-server package) on port 0 that keeps every message it accepts or refuses. */
export class FakeSmtpServer implements ContractFake {
  readonly messages: ContractDelivery[] = [];
  private modes: FakeMode[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<FakeSmtpServer> {
    // The server's handler needs the instance, which needs the listening server: a ref breaks the cycle.
    const ref: { fake?: FakeSmtpServer } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 50,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const address = (a: SMTPServerAddress | false) => (a ? a.address : '');
          ref.fake?.messages.push({
            method: 'SMTP',
            path: '',
            headers: {
              'mail-from': address(session.envelope.mailFrom),
              'rcpt-to': session.envelope.rcptTo.map(address),
            },
            body: Buffer.concat(chunks).toString('utf8'),
          });
          const mode = ref.fake?.modes.shift() ?? 'ok';
          if (mode === 'hang') return;
          if (mode === 'ok') return callback();
          const [code, text] = REPLIES[mode];
          callback(Object.assign(new Error(text), { responseCode: code }));
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    const fake = new FakeSmtpServer(server, port);
    ref.fake = fake;
    return fake;
  }

  setNextMode(mode: FakeMode): void {
    this.modes.push(mode);
  }

  deliveries(): ContractDelivery[] {
    return [...this.messages];
  }

  reset(): void {
    this.messages.length = 0;
    this.modes = [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
