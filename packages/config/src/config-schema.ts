// The LLM section's schema lives beside the adapter that consumes it; only that zod-only module is imported.
import { llmConfigSchema } from '@fixloop/llm/config-schema';
import { z } from 'zod';
import {
  checkAlertReferences,
  organizationAlertsSchema,
  projectAlertsSchema,
} from './alerts-config-schema.ts';
import { autofixConfigFileSchema } from './autofix-config-schema.ts';

/*
 * The whole configuration is ONE zod schema over { env, file }, parsed once at boot. Objects are strict so a
 * typo in the config file fails with its path instead of being ignored. Later sections (repository, autofix,
 * alerts per project) are added here as they are built, never accepted as unknown shapes.
 */

const HEX32 = /^[0-9a-f]{32}$/;
const SLUG = /^[a-z0-9][a-z0-9_-]{0,49}$/;

const slug = z.string().regex(SLUG, { error: 'must be a lowercase slug (a-z, 0-9, "-", "_"; at most 50)' });
const positiveInt = z.number().int({ error: 'must be an integer' }).positive({ error: 'must be positive' });

const repositorySchema = z.strictObject({
  url: z.string().min(1, { error: 'must be a git URL (https, ssh, file://) or a local path' }),
  baseBranch: z.string().min(1).optional(),
  fixBranch: z.string().min(1).optional(),
  testCommand: z.string().min(1).optional(),
  installCommand: z.string().min(1).optional(),
  root: z.string().optional(),
  token: z.string().min(1).optional(),
  codeMappings: z.array(z.strictObject({ stackRoot: z.string(), sourceRoot: z.string() })).optional(),
  runbooksDir: z.string().min(1).optional(),
  protectedBranches: z.array(z.string().min(1)).optional(),
});

const investigationSchema = z.strictObject({
  auto: z.boolean().optional(),
  postComment: z.boolean().optional(),
  monthlyBudgetUsd: z.number().nonnegative().nullable().optional(),
});

const projectSchema = z.strictObject({
  slug,
  name: z.string().min(1, { error: 'must not be empty' }),
  platform: z.string().min(1).nullable().optional(),
  keys: z.array(z.string().regex(HEX32, { error: 'must be 32 hex characters (lowercase)' })).optional(),
  rateLimit: z.strictObject({ count: positiveInt, windowSeconds: positiveInt }).optional(),
  repository: repositorySchema.optional(),
  investigation: investigationSchema.optional(),
  autofix: autofixConfigFileSchema.optional(),
  alerts: projectAlertsSchema.optional(),
  scrubbing: z
    .strictObject({
      enabled: z.boolean().optional(),
      extraFields: z.array(z.string().min(1)).optional(),
      safeFields: z.array(z.string().min(1)).optional(),
      scrubIpAddresses: z.boolean().optional(),
    })
    .optional(),
  retention: z
    .strictObject({ eventsDays: positiveInt.optional(), timelinesDays: positiveInt.optional() })
    .optional(),
});

const organizationSchema = z.strictObject({
  slug,
  name: z.string().min(1, { error: 'must not be empty' }),
  projects: z.array(projectSchema).default([]),
  alerts: organizationAlertsSchema.optional(),
});

export const configFileSchema = z
  .strictObject({
    organizations: z.array(organizationSchema).default([]),
    llm: llmConfigSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const orgSlugs = new Set<string>();
    const keys = new Set<string>();
    file.organizations.forEach((org, o) => {
      for (const issue of checkAlertReferences(org)) {
        ctx.addIssue({ code: 'custom', path: ['organizations', o, ...issue.path], message: issue.message });
      }
      if (orgSlugs.has(org.slug))
        ctx.addIssue({
          code: 'custom',
          path: ['organizations', o, 'slug'],
          message: `duplicate organization slug "${org.slug}"`,
        });
      orgSlugs.add(org.slug);
      const projectSlugs = new Set<string>();
      org.projects.forEach((project, p) => {
        const path = ['organizations', o, 'projects', p];
        if (projectSlugs.has(project.slug))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'slug'],
            message: `duplicate project slug "${project.slug}"`,
          });
        projectSlugs.add(project.slug);
        (project.keys ?? []).forEach((key, k) => {
          if (keys.has(key))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'keys', k],
              message: 'key is already used by another project',
            });
          keys.add(key);
        });
      });
    });
  });

export type ConfigFile = z.infer<typeof configFileSchema>;
export type ProjectConfig = z.infer<typeof projectSchema>;
export type OrganizationConfig = z.infer<typeof organizationSchema>;

/** Empty env values count as unset (docker-compose writes `VAR=` for "not given"). */
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const intFromEnv = (fallback: number, min: number, max: number) =>
  optionalString.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    const problem = !/^-?\d+$/.test(value)
      ? 'must be an integer'
      : parsed < min
        ? `must be at least ${min}`
        : parsed > max
          ? `must be at most ${max}`
          : null;
    if (problem === null) return parsed;
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });

const booleanFromEnv = optionalString.transform((value, ctx) => {
  if (value === undefined) return false;
  const lowered = value.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(lowered)) return true;
  if (['0', 'false', 'no', 'off'].includes(lowered)) return false;
  ctx.addIssue({ code: 'custom', message: 'must be true or false' });
  return z.NEVER;
});

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

export const envSchema = z.object({
  PORT: intFromEnv(8000, 0, 65535),
  HOST: optionalString.transform((value) => value ?? '0.0.0.0'),
  DATABASE_URL: optionalString.refine((value) => value === undefined || /^postgres(ql)?:\/\/./.test(value), {
    error: 'must be a postgres:// or postgresql:// URL (leave it unset to use SQLite)',
  }),
  FIXLOOP_DATA_DIR: optionalString,
  FIXLOOP_BASE_URL: optionalString.refine((value) => value === undefined || URL.canParse(value), {
    error: 'must be an absolute URL such as https://fixloop.example.com',
  }),
  FIXLOOP_ADMIN_TOKEN: optionalString.refine((value) => value === undefined || value.length >= 16, {
    error: 'must be at least 16 characters',
  }),
  FIXLOOP_ADMIN_EMAIL: optionalString.refine(
    (value) => value === undefined || /^[^@\s]+@[^@\s]+$/.test(value),
    {
      error: 'must be an email address',
    },
  ),
  FIXLOOP_ADMIN_PASSWORD: optionalString.refine((value) => value === undefined || value.length >= 8, {
    error: 'must be at least 8 characters',
  }),
  FIXLOOP_CONFIG: optionalString,
  FIXLOOP_LOG_LEVEL: optionalString.pipe(
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  FIXLOOP_TRUST_PROXY: booleanFromEnv,
  FIXLOOP_INGEST_BATCH_MAX: intFromEnv(256, 1, 10_000),
  FIXLOOP_INGEST_BATCH_DELAY_MS: intFromEnv(2, 0, 10_000),
  /** Worker threads that parse, normalize and group events; 0 = on the main thread; unset = automatic. */
  FIXLOOP_INGEST_THREADS: intFromEnv(-1, 0, 64),
  FIXLOOP_RETENTION_INTERVAL_MINUTES: intFromEnv(60, 1, 7 * 24 * 60),
  /** Where client commands (`fixloop mcp`, `fixloop investigate`, …) reach a running Fixloop. */
  FIXLOOP_URL: optionalString.refine((value) => value === undefined || URL.canParse(value), {
    error: 'must be an absolute URL such as http://localhost:8000',
  }),
  /** The API token client commands use. */
  FIXLOOP_TOKEN: optionalString,
  /** Read by the test suites only; listed so that it is not reported as a typo. */
  FIXLOOP_TEST_DATABASE_URL: optionalString,
  /** Encrypts alert channel secrets at rest; unset: a random key kept in <dataDir>/secret.key. */
  FIXLOOP_SECRET_KEY: optionalString.refine((value) => value === undefined || value.length >= 16, {
    error: 'must be at least 16 characters',
  }),
  /** Poll Telegram for bot commands (getUpdates) instead of receiving them on the webhook. */
  FIXLOOP_TELEGRAM_POLLING: booleanFromEnv,
});

export type ParsedEnv = z.infer<typeof envSchema>;

/** The one schema parsed at boot: environment plus the (already read) config file. */
export const rawConfigSchema = z.object({ env: envSchema, file: configFileSchema });
