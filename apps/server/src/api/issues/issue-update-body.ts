import { ERROR_CLASSES, REQUESTED_STATUSES, SEVERITIES } from '@fixloop/core';
import { z } from 'zod';

const minutes = z.number().int().positive().max(525_600);
const count = z.number().int().positive().max(1_000_000_000);

export const statusDetailsBody = z
  .object({
    inRelease: z.string().min(1).max(250).optional(),
    inNextRelease: z.boolean().optional(),
    inCommit: z
      .union([
        z.string().min(1).max(64),
        z.object({ commit: z.string().min(1).max(64), repository: z.string().optional() }),
      ])
      .optional(),
    ignoreDuration: minutes.optional(),
    ignoreUntil: z.iso.datetime({ offset: true }).optional(),
    ignoreCount: count.optional(),
    ignoreWindow: minutes.optional(),
    ignoreUserCount: count.optional(),
    ignoreUserWindow: minutes.optional(),
  })
  .superRefine((d, ctx) => {
    if (d.ignoreWindow !== undefined && d.ignoreCount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['ignoreWindow'], message: 'ignoreWindow needs ignoreCount' });
    }
    if (d.ignoreUserWindow !== undefined && d.ignoreUserCount === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['ignoreUserWindow'],
        message: 'ignoreUserWindow needs ignoreUserCount',
      });
    }
  });

/**
 * PUT /issues/{id}/ and the bulk PUT (Sentry's fields, plus Fixloop's severity and errorClass
 * overrides; `null` clears an override). Unknown fields are ignored, like Sentry does.
 */
export const issueUpdateBody = z.object({
  status: z.enum(REQUESTED_STATUSES).optional(),
  statusDetails: statusDetailsBody.optional(),
  substatus: z.string().max(50).nullable().optional(),
  assignedTo: z.union([z.string().max(320), z.number().int(), z.null()]).optional(),
  hasSeen: z.boolean().optional(),
  isBookmarked: z.boolean().optional(),
  isSubscribed: z.boolean().optional(),
  isPublic: z.boolean().optional(),
  severity: z.enum(SEVERITIES).nullable().optional(),
  errorClass: z.enum(ERROR_CLASSES).nullable().optional(),
  /** Bulk PUT only: merge the selected issues into the one with the most events. */
  merge: z.union([z.literal(1), z.literal(true), z.literal('1')]).optional(),
});

export type IssueUpdateBody = z.infer<typeof issueUpdateBody>;
