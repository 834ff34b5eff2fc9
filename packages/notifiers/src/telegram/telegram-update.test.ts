import { describe, expect, it } from 'vitest';
import { dispatchTelegramUpdate, isTelegramChatAllowed } from './telegram-update.ts';

const update = (text: unknown, chatId: number | string = -100123) => ({
  update_id: 1,
  message: {
    message_id: 9,
    date: 1767265200,
    text,
    chat: { id: chatId, type: 'group' },
    from: { id: 555, is_bot: false },
  },
});

describe('dispatchTelegramUpdate', () => {
  const allow = ['-100123', 777];

  it('turns a command from an allowed chat into a structured command', () => {
    expect(dispatchTelegramUpdate(update('/errors api 6'), allow)).toEqual({
      type: 'command',
      chatId: '-100123',
      messageId: 9,
      fromUserId: '555',
      command: { name: 'errors', component: 'api', hours: 6 },
    });
    expect(dispatchTelegramUpdate(update('/help', 777), allow)).toMatchObject({
      type: 'command',
      chatId: '777',
    });
  });

  it('rejects chats not on the allow-list before parsing anything', () => {
    expect(dispatchTelegramUpdate(update('/resolve 42', 999), allow)).toEqual({
      type: 'rejected',
      chatId: '999',
      reason: 'chat_not_allowed',
    });
    expect(dispatchTelegramUpdate(update('/help'), [])).toMatchObject({ type: 'rejected' });
  });

  it('answers bad commands with usage and ignores everything else', () => {
    expect(dispatchTelegramUpdate(update('/resolve'), allow)).toMatchObject({
      type: 'reply',
      text: expect.stringContaining('/resolve <issue>'),
    });
    expect(dispatchTelegramUpdate(update('just chatting'), allow)).toEqual({ type: 'ignored' });
    expect(dispatchTelegramUpdate(update(42), allow)).toEqual({ type: 'ignored' });
    expect(dispatchTelegramUpdate({ update_id: 2, edited_message: {} }, allow)).toEqual({ type: 'ignored' });
    expect(dispatchTelegramUpdate(null, allow)).toEqual({ type: 'ignored' });
    expect(dispatchTelegramUpdate(update('/help@OtherBot'), allow, 'FixloopBot')).toEqual({
      type: 'ignored',
    });
  });

  it('compares chat ids as strings', () => {
    expect(isTelegramChatAllowed(-100123, ['-100123'])).toBe(true);
    expect(isTelegramChatAllowed('777', [777])).toBe(true);
    expect(isTelegramChatAllowed('-10012', ['-100123'])).toBe(false);
  });
});
