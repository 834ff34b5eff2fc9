import { describe, expect, it } from 'vitest';
import { parseSlackInteraction } from './slack-interaction.ts';

const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

const click = {
  type: 'block_actions',
  user: { id: 'U123', username: 'ada', team_id: 'T1' },
  team: { id: 'T1', domain: 'acme' },
  container: { type: 'message', message_ts: '1767265205.000100', channel_id: 'C0ALERTS' },
  channel: { id: 'C0ALERTS', name: 'alerts' },
  message: { type: 'message', ts: '1767265205.000100' },
  response_url: 'https://hooks.slack.com/actions/T1/1/abc',
  trigger_id: '1.2.3',
  actions: [
    {
      action_id: 'fixloop_know_more',
      block_id: 'b1',
      value: '42',
      type: 'button',
      action_ts: '1767265300.1',
    },
  ],
};

describe('parseSlackInteraction', () => {
  it('reads a Know More click with where to reply', () => {
    expect(parseSlackInteraction(form(click))).toEqual({
      ok: true,
      interaction: {
        type: 'know_more',
        issueId: 42,
        userId: 'U123',
        userName: 'ada',
        teamId: 'T1',
        channelId: 'C0ALERTS',
        threadTs: '1767265205.000100',
        responseUrl: 'https://hooks.slack.com/actions/T1/1/abc',
      },
    });
  });

  it('replies in the thread root when the button was clicked inside a thread', () => {
    const inThread = { ...click, message: { ts: '1767265300.000200', thread_ts: '1767265205.000100' } };
    const parsed = parseSlackInteraction(form(inThread));
    expect(parsed.ok && parsed.interaction.threadTs).toBe('1767265205.000100');
  });

  it('rejects other payloads, other actions and bad issue ids', () => {
    expect(parseSlackInteraction('foo=bar')).toEqual({ ok: false, error: 'no payload field' });
    expect(parseSlackInteraction('payload=%7Bnot-json')).toEqual({ ok: false, error: 'payload is not JSON' });
    expect(parseSlackInteraction(form({ ...click, type: 'view_submission' })).ok).toBe(false);
    const other = { ...click, actions: [{ action_id: 'something_else', value: '42' }] };
    expect(parseSlackInteraction(form(other))).toEqual({
      ok: false,
      error: 'unsupported action something_else',
    });
    const bad = { ...click, actions: [{ action_id: 'fixloop_know_more', value: '42; drop' }] };
    expect(parseSlackInteraction(form(bad))).toEqual({ ok: false, error: 'invalid issue id' });
  });
});
