import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, newEventId, startTestFixloop, TEST_BACKENDS } from '../../testing/test-fixloop.ts';
import type { TestFixloop } from '../../testing/test-fixloop.ts';
import { createTestUserToken, TestApiClient } from '../../testing/test-api-client.ts';
import { sendTestEvent, testEvent } from '../issues/send-test-event.ts';

interface ReportJson {
  id: string;
  eventID: string | null;
  name: string;
  email: string;
  comments: string;
  dateCreated: string;
  event: { id: string; eventID: string } | null;
  issue: { id: string; shortId: string; title: string } | null;
  source: string;
}
type Errors = { errors: Record<string, string[]> };

describe.each(TEST_BACKENDS)('user feedback API (%s)', (backend) => {
  let t: TestFixloop;
  let api: TestApiClient;
  let viewer: TestApiClient;
  let stranger: TestApiClient;
  let eventId: string;
  let issueId: string;
  /** Moves the server's clock forward, to step past the five-minute edit window. */
  let skewMs = 0;
  const path = '/api/0/projects/default/default/user-feedback/';

  beforeAll(async () => {
    t = await startTestFixloop({
      backend,
      startOptions: { clock: { now: () => new Date(Date.now() + skewMs) } },
    });
    const storage = t.fixloop.storage;
    api = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'member' })).token,
    );
    viewer = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'default', role: 'viewer' })).token,
    );
    await storage.projects.createOrganization({ slug: 'other', name: 'Other' });
    stranger = new TestApiClient(
      t.fixloop.url,
      (await createTestUserToken(storage, { organization: 'other', role: 'owner' })).token,
    );
    eventId = await sendTestEvent(t, { fingerprint: 'feedback', value: 'checkout failed' });
    issueId = (await api.get<{ groupID: string }>(`/api/0/projects/default/default/events/${eventId}/`)).body
      .groupID;
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('records feedback about an event, linked to its issue', async () => {
    const response = await api.post<ReportJson>(path, {
      event_id: eventId,
      name: 'Jane',
      email: 'jane@example.com',
      comments: 'It broke when I paid',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      eventID: eventId,
      name: 'Jane',
      email: 'jane@example.com',
      comments: 'It broke when I paid',
      event: { id: eventId, eventID: eventId },
      issue: { id: issueId, shortId: 'DEFAULT-1' },
      source: 'api',
    });
    expect(response.body.dateCreated).toMatch(/Z$/);
  });

  it('lets a report be corrected for five minutes, then answers 409', async () => {
    const [before] = (await api.get<ReportJson[]>(path)).body;
    const corrected = await api.post<ReportJson>(path, {
      event_id: eventId,
      name: 'Jane',
      email: 'jane@example.com',
      comments: 'It broke when I paid with a card',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ id: before!.id, comments: 'It broke when I paid with a card' });
    skewMs = 6 * 60_000;
    const late = await api.post(path, {
      event_id: eventId,
      name: 'J',
      email: 'j@example.com',
      comments: 'x',
    });
    skewMs = 0;
    expect(late.status).toBe(409);
  });

  it('validates the body and checks access', async () => {
    const body = { event_id: eventId, name: 'A', email: 'a@example.com', comments: 'c' };
    const badEmail = await api.post<Errors>(path, { ...body, email: 'not-an-email' });
    expect(badEmail.status).toBe(400);
    expect(Object.keys(badEmail.body.errors)).toEqual(['email']);
    const badId = await api.post<Errors>(path, { ...body, event_id: 'xyz' });
    expect(Object.keys(badId.body.errors)).toEqual(['event_id']);
    expect((await api.post(path, { ...body, comments: '' })).status).toBe(400);
    expect((await viewer.post(path, body)).status).toBe(403);
    expect((await stranger.post(path, body)).status).toBe(404);
    expect((await stranger.get(path)).status).toBe(404);
  });

  it('lists reports from the API and from SDK envelopes, newest first, paginated', async () => {
    const reportEvent = newEventId();
    const feedbackEvent = newEventId();
    const sent = await fetch(t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}`), {
      method: 'POST',
      body: envelope({ event_id: reportEvent }, [
        [
          { type: 'user_report' },
          { event_id: eventId, name: 'Legacy', email: 'legacy@example.com', comments: 'from the widget' },
        ],
      ]),
    });
    expect(sent.status).toBe(200);
    const feedback = await fetch(t.url(`/api/${t.projectId}/envelope/?sentry_key=${t.key}`), {
      method: 'POST',
      body: envelope({ event_id: feedbackEvent }, [
        [
          { type: 'feedback' },
          {
            event_id: feedbackEvent,
            timestamp: Date.now() / 1000,
            contexts: { feedback: { message: 'The new form is confusing', name: 'Kim' } },
          },
        ],
      ]),
    });
    expect(feedback.status).toBe(200);
    const list = await viewer.get<ReportJson[]>(path);
    expect(list.status).toBe(200);
    expect(list.body.map((r) => [r.source, r.comments])).toEqual([
      ['feedback', 'The new form is confusing'],
      ['user_report', 'from the widget'],
      ['api', 'It broke when I paid with a card'],
    ]);
    expect(list.body[1]?.issue?.id).toBe(issueId);
    const page = await viewer.get<ReportJson[]>(`${path}?limit=2`);
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('link')).toContain('rel="next"; results="true"');
    const rest = await viewer.get<ReportJson[]>(`${path}?limit=2&cursor=0:2:0`);
    expect(rest.body.map((r) => r.source)).toEqual(['api']);
  });

  it('links a report that arrived before its event once the event is stored', async () => {
    const early = newEventId();
    const report = await api.post<ReportJson>(path, {
      event_id: early,
      name: 'Early',
      email: 'early@example.com',
      comments: 'sent before the crash report',
    });
    expect(report.status).toBe(200);
    expect(report.body.issue).toBeNull();
    const response = await fetch(t.url(`/api/${t.projectId}/store/?sentry_key=${t.key}`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(testEvent(early, { fingerprint: 'feedback', value: 'checkout failed' })),
    });
    expect(response.status).toBe(200);
    const [newest] = (await viewer.get<ReportJson[]>(path)).body;
    expect(newest).toMatchObject({ eventID: early, issue: { id: issueId } });
  });
});
