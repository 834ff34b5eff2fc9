import {
  sanitizeAlertMessage,
  type AlertMessage,
  type DailySummary,
  type DeliveryResult,
  type DeliveryTarget,
  type Notifier,
  type WeeklyReport,
} from '@fixloop/core';
import type { Transporter } from 'nodemailer';
import { DEFAULT_NOTIFIER_TIMEOUT_MS, type NotifierOptions } from '../notifier-options.ts';
import type { EmailChannelConfig } from '../registry/channel-config-schemas.ts';
import { renderAlertEmail } from './alert-email.ts';
import { renderDailySummaryEmail } from './daily-summary-email.ts';
import type { RenderedEmail } from './email-layout.ts';
import { smtpDeliveryFailure } from './smtp-delivery-failure.ts';
import { renderWeeklyReportEmail } from './weekly-report-email.ts';

/** E-mail over SMTP (nodemailer): alerts, the daily summary and the weekly report, each as HTML and text. */
export class EmailNotifier implements Notifier {
  readonly channel = 'email' as const;
  // nodemailer (~12 MB of RSS) loads with the first e-mail, not with every server that has the channel type.
  private transport: Promise<Transporter> | null = null;

  constructor(
    private readonly config: EmailChannelConfig,
    private readonly options: Pick<NotifierOptions, 'timeoutMs'> = {},
  ) {}

  send(message: AlertMessage, target: DeliveryTarget): Promise<DeliveryResult> {
    return this.deliver(renderAlertEmail(sanitizeAlertMessage(message)), target);
  }

  sendDailySummary(summary: DailySummary, target: DeliveryTarget = {}): Promise<DeliveryResult> {
    return this.deliver(renderDailySummaryEmail(summary), target);
  }

  sendWeeklyReport(report: WeeklyReport, target: DeliveryTarget = {}): Promise<DeliveryResult> {
    return this.deliver(renderWeeklyReportEmail(report), target);
  }

  close(): void {
    void this.transport?.then((transport) => transport.close());
    this.transport = null;
  }

  private connect(): Promise<Transporter> {
    const timeout = this.options.timeoutMs ?? DEFAULT_NOTIFIER_TIMEOUT_MS;
    const { config } = this;
    this.transport ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        requireTLS: config.requireTls,
        auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
      }),
    );
    return this.transport;
  }

  private async deliver(email: RenderedEmail, target: DeliveryTarget): Promise<DeliveryResult> {
    const to = target.recipients?.length ? [...target.recipients] : this.config.to;
    try {
      const transport = await this.connect();
      const info = (await transport.sendMail({
        from: this.config.from,
        to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        // Rendered content is ours, but never let a template make nodemailer read files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      })) as { messageId?: unknown };
      return typeof info.messageId === 'string'
        ? { ok: true, providerMessageId: info.messageId }
        : { ok: true };
    } catch (error) {
      return smtpDeliveryFailure(error);
    }
  }
}
