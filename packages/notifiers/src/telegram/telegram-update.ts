import { parseTelegramCommand, type TelegramCommand } from './telegram-command.ts';

/** What to do with one incoming Bot API update (from the webhook or getUpdates). */
export type TelegramDispatch =
  | {
      type: 'command';
      chatId: string;
      messageId: number;
      fromUserId: string | null;
      command: TelegramCommand;
    }
  /** Tell the user what went wrong (usage text, escaped for HTML by the sender). */
  | { type: 'reply'; chatId: string; messageId: number; text: string }
  | { type: 'rejected'; chatId: string; reason: 'chat_not_allowed' }
  | { type: 'ignored' };

interface UpdateShape {
  message?: {
    message_id?: unknown;
    text?: unknown;
    chat?: { id?: unknown };
    from?: { id?: unknown };
  };
}

/** Only listed chats may command the bot: it can resolve issues and start investigations. */
export function isTelegramChatAllowed(
  chatId: string | number,
  allowList: readonly (string | number)[],
): boolean {
  return allowList.some((allowed) => String(allowed) === String(chatId));
}

export function dispatchTelegramUpdate(
  update: unknown,
  allowList: readonly (string | number)[],
  botUsername?: string,
): TelegramDispatch {
  const message = (update as UpdateShape | null)?.message;
  const chatId = message?.chat?.id;
  const messageId = message?.message_id;
  if (typeof message?.text !== 'string' || typeof messageId !== 'number') return { type: 'ignored' };
  if (typeof chatId !== 'number' && typeof chatId !== 'string') return { type: 'ignored' };
  if (!message.text.startsWith('/')) return { type: 'ignored' };
  const chat = String(chatId);
  // Checked before parsing, so strangers learn nothing, not even the command list.
  if (!isTelegramChatAllowed(chat, allowList))
    return { type: 'rejected', chatId: chat, reason: 'chat_not_allowed' };
  const parsed = parseTelegramCommand(message.text, botUsername);
  if (parsed.ok) {
    const from = message.from?.id;
    const fromUserId = typeof from === 'number' || typeof from === 'string' ? String(from) : null;
    return { type: 'command', chatId: chat, messageId, fromUserId, command: parsed.command };
  }
  if (parsed.error === 'not_for_this_bot') return { type: 'ignored' };
  return { type: 'reply', chatId: chat, messageId, text: parsed.usage };
}
