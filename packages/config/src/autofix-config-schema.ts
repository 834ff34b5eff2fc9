import { AGENT_PERMISSIONS, SEVERITIES } from '@fixloop/core';
import { z } from 'zod';

const positiveInt = z.number().int({ error: 'must be an integer' }).positive({ error: 'must be positive' });

const regex = z.string().refine(
  (pattern) => {
    try {
      new RegExp(pattern, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be a valid regular expression' },
);

const triggerRuleSchema = z.strictObject({
  severity: z.enum(SEVERITIES),
  action: z.enum(['attempt_fix', 'investigate', 'record']),
  minEvents: positiveInt.optional(),
  windowMinutes: positiveInt.max(7 * 24 * 60).optional(),
});

const policyRuleSchema = z.strictObject({
  category: z.enum(['A', 'B', 'C']),
  reason: z.string().min(1, { error: 'must not be empty' }),
  paths: z.array(z.string().min(1)).optional(),
  content: z.array(regex).optional(),
});

/** A GitHub App installation; the private key may be left out of an API update to keep the saved one. */
const githubAppSchema = z.strictObject({
  appId: positiveInt,
  installationId: positiveInt,
  privateKey: z
    .string()
    .regex(/-----BEGIN (?:RSA )?PRIVATE KEY-----/, { error: 'must be the App private key in PEM format' })
    .optional(),
});

const githubSchema = z.strictObject({
  apiUrl: z.url({ error: 'must be an absolute URL such as https://api.github.com' }).optional(),
  token: z.string().min(1).optional(),
  app: githubAppSchema.nullable().optional(),
  repository: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, { error: 'must be owner/name' })
    .optional(),
  pullRequests: z.enum(['off', 'fix_branch', 'per_fix']).optional(),
  issuesForCritical: z.boolean().optional(),
  checkRuns: z.boolean().optional(),
});

/**
 * A project's `autofix` section, in the config file and (minus `enabled`, which the kill switch covers)
 * in the Web API. Every key is optional: what is left out keeps its default.
 */
export const autofixConfigSchema = z.strictObject({
  enabled: z.boolean().optional(),
  triggerRules: z
    .array(triggerRuleSchema)
    .refine((rules) => new Set(rules.map((r) => r.severity)).size === rules.length, {
      error: 'has two rules for one severity',
    })
    .optional(),
  policy: z
    .strictObject({
      rules: z.array(policyRuleSchema).optional(),
      useDefaultRules: z.boolean().optional(),
      autoCommit: z
        .array(z.enum(['A', 'B'], { error: 'only A and B can be committed without approval; C never is' }))
        .optional(),
    })
    .optional(),
  botPermission: z.enum(AGENT_PERMISSIONS).optional(),
  agents: z
    .array(z.strictObject({ name: z.string().min(1).max(100), permission: z.enum(AGENT_PERMISSIONS) }))
    .optional(),
  maxLlmRounds: positiveInt.max(10, { error: 'must be at most 10' }).optional(),
  botIdentity: z
    .strictObject({
      name: z.string().min(1),
      email: z.string().regex(/^[^@\s]+@[^@\s]+$/, { error: 'must be an email address' }),
    })
    .nullable()
    .optional(),
  push: z.boolean().optional(),
  github: githubSchema.nullable().optional(),
});

export type AutofixConfig = z.infer<typeof autofixConfigSchema>;

/** The config file's `autofix` section: there is no saved App private key to keep, so it is required. */
export const autofixConfigFileSchema = autofixConfigSchema.superRefine((autofix, ctx) => {
  if (autofix.github?.app && autofix.github.app.privateKey === undefined) {
    ctx.addIssue({ code: 'custom', path: ['github', 'app', 'privateKey'], message: 'is required (a PEM key, e.g. env:GITHUB_APP_KEY)' }); // prettier-ignore
  }
});
