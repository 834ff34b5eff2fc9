import { describe, expect, it } from 'vitest';
import { parseTelegramCommand, telegramHelpText } from './telegram-command.ts';

const command = (text: string, bot?: string) => {
  const parsed = parseTelegramCommand(text, bot);
  return parsed.ok ? parsed.command : parsed.error;
};

describe('parseTelegramCommand', () => {
  it('parses /errors with optional component and hours', () => {
    expect(command('/errors')).toEqual({ name: 'errors', component: null, hours: 24 });
    expect(command('/errors 6')).toEqual({ name: 'errors', component: null, hours: 6 });
    expect(command('/errors checkout')).toEqual({ name: 'errors', component: 'checkout', hours: 24 });
    expect(command('/errors  checkout   48 ')).toEqual({ name: 'errors', component: 'checkout', hours: 48 });
    expect(command('/errors checkout web')).toBe('invalid_arguments');
    expect(command('/errors 0')).toBe('invalid_arguments');
    expect(command('/errors api 99999')).toBe('invalid_arguments');
  });

  it('parses /resolve and /investigate with an id or short id', () => {
    expect(command('/resolve 42')).toEqual({ name: 'resolve', issue: '42' });
    expect(command('/investigate shop-7')).toEqual({ name: 'investigate', issue: 'SHOP-7' });
    expect(command('/resolve')).toBe('invalid_arguments');
    expect(command('/resolve 42 43')).toBe('invalid_arguments');
    expect(command('/resolve ../etc')).toBe('invalid_arguments');
  });

  it('parses /stats periods and /help', () => {
    expect(command('/stats')).toEqual({ name: 'stats', period: '24h', hours: 24 });
    expect(command('/stats 7d')).toEqual({ name: 'stats', period: '7d', hours: 168 });
    expect(command('/stats 2W')).toEqual({ name: 'stats', period: '2w', hours: 336 });
    expect(command('/stats yesterday')).toBe('invalid_arguments');
    expect(command('/help')).toEqual({ name: 'help' });
  });

  it('handles bot mentions, unknown commands and plain text', () => {
    expect(command('/help@FixloopBot', 'fixloopbot')).toEqual({ name: 'help' });
    expect(command('/help@OtherBot', 'FixloopBot')).toBe('not_for_this_bot');
    expect(command('/deploy prod')).toBe('unknown_command');
    expect(command('hello')).toBe('not_a_command');
    const parsed = parseTelegramCommand('/resolve');
    expect(!parsed.ok && parsed.usage).toContain('/resolve <issue>');
  });

  it('lists every command in the help text', () => {
    for (const name of ['/errors', '/resolve', '/investigate', '/stats', '/help']) {
      expect(telegramHelpText()).toContain(name);
    }
  });
});
