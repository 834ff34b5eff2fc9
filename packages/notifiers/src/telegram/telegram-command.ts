/** A bot command, parsed and validated; the wiring maps each to a Web API call. */
export type TelegramCommand =
  | { name: 'errors'; component: string | null; hours: number }
  | { name: 'resolve'; issue: string }
  | { name: 'investigate'; issue: string }
  | { name: 'stats'; period: string; hours: number }
  | { name: 'help' };

export type TelegramCommandParse =
  | { ok: true; command: TelegramCommand }
  | {
      ok: false;
      error: 'not_a_command' | 'not_for_this_bot' | 'unknown_command' | 'invalid_arguments';
      usage: string;
    };

export const TELEGRAM_USAGE: Readonly<Record<TelegramCommand['name'], string>> = {
  errors: '/errors [component] [hours] — recent errors, optionally for one component (default 24 h)',
  resolve: '/resolve <issue> — mark an issue resolved (id or short id such as SHOP-12)',
  investigate: '/investigate <issue> — start an investigation of an issue',
  stats: '/stats [period] — error statistics for a period such as 24h, 7d or 2w (default 24h)',
  help: '/help — this list',
};

const MAX_HOURS = 24 * 90;
const ISSUE = /^(?:\d+|[a-z0-9][a-z0-9_-]*-\d+)$/i;
const PERIOD = /^(\d{1,4})([hdw])$/i;
const HOURS_PER_UNIT: Record<string, number> = { h: 1, d: 24, w: 168 };

const invalid = (name: TelegramCommand['name']): TelegramCommandParse => ({
  ok: false,
  error: 'invalid_arguments',
  usage: TELEGRAM_USAGE[name],
});

function parseHours(text: string): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const hours = Number(text);
  return hours >= 1 && hours <= MAX_HOURS ? hours : null;
}

function parseArgs(name: string, args: string[]): TelegramCommandParse {
  switch (name) {
    case 'errors': {
      // A lone number is the hours: `/errors 6`; otherwise `/errors api 6`.
      const last = args.at(-1);
      const hours = last !== undefined ? parseHours(last) : null;
      const component = hours === null ? args[0] : args.length > 1 ? args[0] : undefined;
      const badNumber = last !== undefined && /^\d+$/.test(last) && hours === null;
      if (badNumber || args.length > 2 || (args.length === 2 && hours === null)) return invalid('errors');
      return { ok: true, command: { name: 'errors', component: component ?? null, hours: hours ?? 24 } };
    }
    case 'resolve':
    case 'investigate': {
      const issue = args[0];
      if (args.length !== 1 || issue === undefined || !ISSUE.test(issue)) return invalid(name);
      return { ok: true, command: { name, issue: issue.toUpperCase() } };
    }
    case 'stats': {
      const match = PERIOD.exec(args[0] ?? '24h');
      const hours = match ? Number(match[1]) * (HOURS_PER_UNIT[(match[2] ?? 'h').toLowerCase()] ?? 1) : 0;
      if (args.length > 1 || !match || hours < 1 || hours > MAX_HOURS) return invalid('stats');
      return { ok: true, command: { name: 'stats', period: (args[0] ?? '24h').toLowerCase(), hours } };
    }
    case 'help':
      return { ok: true, command: { name: 'help' } };
    default:
      return { ok: false, error: 'unknown_command', usage: telegramHelpText() };
  }
}

/**
 * Parses `/command[@bot] args…`. In group chats commands may name a bot; one naming another bot is not ours.
 */
export function parseTelegramCommand(text: string, botUsername?: string): TelegramCommandParse {
  const [head = '', ...args] = text.trim().split(/\s+/);
  const match = /^\/([a-z_]+)(?:@(\w+))?$/i.exec(head);
  if (!match) return { ok: false, error: 'not_a_command', usage: telegramHelpText() };
  if (match[2] && botUsername && match[2].toLowerCase() !== botUsername.toLowerCase()) {
    return { ok: false, error: 'not_for_this_bot', usage: '' };
  }
  return parseArgs((match[1] ?? '').toLowerCase(), args);
}

export function telegramHelpText(): string {
  return ['Fixloop bot commands:', ...Object.values(TELEGRAM_USAGE)].join('\n');
}
