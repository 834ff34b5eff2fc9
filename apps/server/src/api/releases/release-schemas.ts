import { z } from 'zod';

/** Sentry refuses versions that cannot sit in a URL path segment or that mean something else. */
export const releaseVersion = z
  .string()
  .min(1)
  .max(250)
  .refine((v) => !/[\r\n\t\f\v/\\]/.test(v) && v.trim() === v, 'must not contain slashes or whitespace')
  .refine((v) => !['.', '..', 'latest'].includes(v), 'is a reserved name');

export const releaseStatus = z.enum(['open', 'archived']);

const isoDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));

export const releaseBody = z.object({
  version: releaseVersion,
  projects: z.array(z.union([z.string().min(1), z.number().int()])).optional(),
  ref: z.string().max(1024).nullish(),
  url: z.string().max(1024).nullish(),
  dateReleased: isoDate.nullish(),
  commits: z.array(z.record(z.string(), z.unknown())).max(10_000).nullish(),
  status: releaseStatus.optional(),
});

export const releaseUpdateBody = releaseBody.omit({ version: true }).partial();

export const deployBody = z.object({
  environment: z.string().min(1).max(64),
  name: z.string().max(64).nullish(),
  url: z.string().max(1024).nullish(),
  dateStarted: isoDate.nullish(),
  dateFinished: isoDate.nullish(),
});

export const orgParams = z.object({ org: z.string().min(1) });
export const projectParams = z.object({ org: z.string().min(1), project: z.string().min(1) });
export const releaseParams = z.object({ org: z.string().min(1), version: z.string().min(1) });
