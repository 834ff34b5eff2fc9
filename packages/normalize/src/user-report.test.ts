import { AppError, DEFAULT_SCRUBBING } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { userReportFromFeedback, userReportFromLegacy } from './user-report.ts';

const receivedAt = new Date('2026-03-01T12:00:00Z');

describe('userReportFromFeedback', () => {
  it('reads contexts.feedback and scrubs the message', () => {
    const report = userReportFromFeedback(
      {
        event_id: 'f'.repeat(32),
        timestamp: 1772366400,
        contexts: {
          feedback: {
            message: 'Checkout broke, card 4111 1111 1111 1111',
            contact_email: 'ann@example.com',
            name: 'Ann',
            url: 'https://shop.example/cart',
            associated_event_id: 'ABCDEF01-2345-6789-ABCD-EF0123456789',
          },
        },
      },
      { projectId: 3, receivedAt, scrubbing: DEFAULT_SCRUBBING },
    );
    expect(report).toEqual({
      projectId: 3,
      eventId: 'abcdef0123456789abcdef0123456789',
      name: 'Ann',
      email: 'ann@example.com',
      comments: 'Checkout broke, card [Filtered]',
      url: 'https://shop.example/cart',
      source: 'feedback',
      createdAt: new Date(1772366400 * 1000),
    });
  });

  it('falls back to the user and has no event id when not associated', () => {
    const report = userReportFromFeedback(
      { user: { email: 'bob@example.com', username: 'bob' }, contexts: { feedback: { message: 'hi' } } },
      { projectId: 3, receivedAt, scrubbing: DEFAULT_SCRUBBING },
    );
    expect(report).toMatchObject({
      eventId: null,
      name: 'bob',
      email: 'bob@example.com',
      url: null,
      createdAt: receivedAt,
    });
  });

  it('rejects feedback without a message', () => {
    expect(() =>
      userReportFromFeedback(
        { contexts: { feedback: {} } },
        { projectId: 3, receivedAt, scrubbing: DEFAULT_SCRUBBING },
      ),
    ).toThrow(AppError);
    expect(() =>
      userReportFromFeedback('x', { projectId: 3, receivedAt, scrubbing: DEFAULT_SCRUBBING }),
    ).toThrow(/JSON object/);
  });
});

describe('userReportFromLegacy', () => {
  it('reads {event_id, name, email, comments}', () => {
    const report = userReportFromLegacy(
      { event_id: 'A'.repeat(32), name: ' Ann ', email: 'ann@example.com', comments: 'It broke' },
      { projectId: 3, receivedAt, source: 'api' },
    );
    expect(report).toEqual({
      projectId: 3,
      eventId: 'a'.repeat(32),
      name: 'Ann',
      email: 'ann@example.com',
      comments: 'It broke',
      url: null,
      source: 'api',
      createdAt: receivedAt,
    });
  });

  it('requires an event id and comments', () => {
    const opts = { projectId: 3, receivedAt, source: 'user_report' as const };
    expect(() => userReportFromLegacy({ comments: 'x' }, opts)).toThrow(/event_id/);
    expect(() => userReportFromLegacy({ event_id: 'a'.repeat(32) }, opts)).toThrow(/comments/);
  });
});
