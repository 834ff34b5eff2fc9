import { z } from 'zod';

const positiveInt = z.number().int().positive();
const names = z.array(z.string().min(1).max(200)).max(500);

const repositorySchema = z.strictObject({
  url: z.string().min(1).max(2000),
  baseBranch: z.string().min(1).max(255).optional(),
  fixBranch: z.string().min(1).max(255).optional(),
  testCommand: z.string().min(1).max(2000).optional(),
  installCommand: z.string().min(1).max(2000).optional(),
  root: z.string().max(1000).optional(),
  /** Write-only: omit to keep the stored token, null to remove it. */
  token: z.string().min(1).max(1000).nullable().optional(),
  codeMappings: z
    .array(z.strictObject({ stackRoot: z.string().max(1000), sourceRoot: z.string().max(1000) }))
    .max(100)
    .optional(),
  runbooksDir: z.string().min(1).max(1000).optional(),
  protectedBranches: z.array(z.string().min(1).max(255)).max(100).optional(),
});

/**
 * A partial update of Fixloop's project settings (ProjectSettings in core): every key optional,
 * unknown keys rejected, the same bounds as the config file.
 */
export const projectSettingsPatchSchema = z.strictObject({
  rateLimit: z.strictObject({ count: positiveInt, windowSeconds: positiveInt }).nullable().optional(),
  repository: repositorySchema.nullable().optional(),
  investigation: z
    .strictObject({
      auto: z.boolean().optional(),
      postComment: z.boolean().optional(),
      monthlyBudgetUsd: z.number().nonnegative().nullable().optional(),
    })
    .optional(),
  scrubbing: z
    .strictObject({
      enabled: z.boolean().optional(),
      extraFields: names.optional(),
      safeFields: names.optional(),
      scrubIpAddresses: z.boolean().optional(),
    })
    .optional(),
  eventRetentionDays: z.number().int().min(1).max(3650).optional(),
  timelineRetentionDays: z.number().int().min(1).max(3650).optional(),
});
