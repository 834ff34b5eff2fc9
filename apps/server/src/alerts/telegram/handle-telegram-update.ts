import type { AlertChannel } from '@fixloop/core';
import { dispatchTelegramUpdate, TelegramNotifier } from '@fixloop/notifiers';
import type { TelegramChannelConfig } from '@fixloop/notifiers';
import type { AlertingContext } from '../alerting-context.ts';
import { createChannelNotifier } from '../channel-notifier.ts';
import { runTelegramCommand } from './run-telegram-command.ts';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One Bot API update (webhook or long polling): commands from allow-listed chats run and are answered
 * in reply to the command; anything else is ignored (strangers get no answer at all).
 */
export async function handleTelegramUpdate(
  context: AlertingContext,
  channel: AlertChannel,
  update: unknown,
): Promise<void> {
  const created = createChannelNotifier(context, channel);
  if (!created.ok || created.config.kind !== 'telegram' || !(created.notifier instanceof TelegramNotifier))
    return;
  const config: TelegramChannelConfig = created.config;
  const decision = dispatchTelegramUpdate(
    update,
    [config.chatId, ...config.allowedChatIds],
    config.botUsername,
  );
  if (decision.type === 'ignored') return;
  if (decision.type === 'rejected') {
    context.log(`alerts: Telegram command from chat ${decision.chatId} refused (not allow-listed)`);
    return;
  }
  let html: string;
  if (decision.type === 'reply') html = escapeHtml(decision.text);
  else {
    try {
      html = await runTelegramCommand(
        {
          storage: context.storage,
          organizationId: channel.organizationId,
          baseUrl: context.baseUrl(),
          now: context.clock.now(),
          actor: `telegram:${decision.chatId}${decision.fromUserId ? `/${decision.fromUserId}` : ''}`,
        },
        decision.command,
      );
    } catch (error) {
      context.log(`alerts: Telegram /${decision.command.name} failed: ${(error as Error).message}`);
      html = 'Sorry, that failed. The Fixloop log has the details.';
    }
  }
  const sent = await created.notifier.sendHtml(decision.chatId, html, String(decision.messageId));
  if (!sent.ok) context.log(`alerts: Telegram reply to chat ${decision.chatId} failed: ${sent.error}`);
}
