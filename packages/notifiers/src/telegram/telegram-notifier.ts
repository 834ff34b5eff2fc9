import {
  sanitizeAlertMessage,
  type AlertMessage,
  type DeliveryResult,
  type DeliveryTarget,
  type Notifier,
} from '@fixloop/core';
import { resolveNotifierOptions, type NotifierOptions } from '../notifier-options.ts';
import type { TelegramChannelConfig } from '../registry/channel-config-schemas.ts';
import { TelegramBotApi } from './telegram-bot-api.ts';
import { buildTelegramMessage } from './telegram-message.ts';

/** Telegram alerts through the Bot API's sendMessage (HTML), and the bot's replies to commands. */
export class TelegramNotifier implements Notifier {
  readonly channel = 'telegram' as const;
  readonly api: TelegramBotApi;

  constructor(
    private readonly config: TelegramChannelConfig,
    options: NotifierOptions = {},
  ) {
    this.api = new TelegramBotApi(config.apiBaseUrl, config.botToken, resolveNotifierOptions(options));
  }

  send(message: AlertMessage, target: DeliveryTarget): Promise<DeliveryResult> {
    const chatId = target.recipients?.[0] ?? this.config.chatId;
    return this.sendHtml(chatId, buildTelegramMessage(sanitizeAlertMessage(message)), target.threadId);
  }

  /** Sends pre-formatted HTML, e.g. the answer to a bot command. */
  async sendHtml(chatId: string, html: string, replyToMessageId?: string): Promise<DeliveryResult> {
    const replyTo = replyToMessageId === undefined ? undefined : Number(replyToMessageId);
    const result = await this.api.call('sendMessage', {
      chat_id: chatId,
      text: html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(replyTo !== undefined && Number.isSafeInteger(replyTo)
        ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
        : {}),
    });
    if (!result.ok) return result;
    const id = (result.result as { message_id?: unknown } | null)?.message_id;
    return typeof id === 'number' ? { ok: true, providerMessageId: String(id) } : { ok: true };
  }
}
