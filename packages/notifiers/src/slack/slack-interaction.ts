import { z } from 'zod';
import { KNOW_MORE_ACTION_ID } from './slack-message.ts';

/** A click on the Know More button, with everything needed to answer in the alert's thread. */
export interface SlackKnowMoreClick {
  type: 'know_more';
  issueId: number;
  userId: string;
  userName: string | null;
  teamId: string | null;
  channelId: string;
  /** Reply here: the thread root (the alert itself, or the thread the button was posted in). */
  threadTs: string;
  /** Valid for 30 minutes; lets the wiring answer without a bot token. */
  responseUrl: string | null;
}

export type SlackInteractionParse =
  { ok: true; interaction: SlackKnowMoreClick } | { ok: false; error: string };

const payloadSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id: z.string(), username: z.string().optional(), name: z.string().optional() }),
  team: z.object({ id: z.string() }).nullish(),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
  message: z.object({ ts: z.string(), thread_ts: z.string().optional() }).optional(),
  response_url: z.string().optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional() })).min(1),
});

/**
 * Parses the interactive endpoint's body (`application/x-www-form-urlencoded` with a JSON `payload` field).
 * Verify the signature first; this only reads.
 */
export function parseSlackInteraction(rawBody: string): SlackInteractionParse {
  const json = new URLSearchParams(rawBody).get('payload');
  if (!json) return { ok: false, error: 'no payload field' };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { ok: false, error: 'payload is not JSON' };
  }
  const parsed = payloadSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: 'not a block_actions payload' };
  const p = parsed.data;
  const action = p.actions.find((a) => a.action_id === KNOW_MORE_ACTION_ID);
  if (!action) return { ok: false, error: `unsupported action ${p.actions[0]?.action_id}` };
  const issueId = Number(action.value);
  if (!Number.isSafeInteger(issueId) || issueId <= 0) return { ok: false, error: 'invalid issue id' };
  const channelId = p.channel?.id ?? p.container?.channel_id;
  const threadTs = p.message?.thread_ts ?? p.message?.ts ?? p.container?.message_ts;
  if (!channelId || !threadTs) return { ok: false, error: 'no channel or message to reply to' };
  return {
    ok: true,
    interaction: {
      type: 'know_more',
      issueId,
      userId: p.user.id,
      userName: p.user.username ?? p.user.name ?? null,
      teamId: p.team?.id ?? null,
      channelId,
      threadTs,
      responseUrl: p.response_url ?? null,
    },
  };
}
