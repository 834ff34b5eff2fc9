import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { AppError, DEFAULT_PROJECT_SETTINGS, mergeAutofixSettings } from '@fixloop/core';
import { llmConfigSchema } from '@fixloop/llm/config-schema';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { envSchema, rawConfigSchema } from './config-schema.ts';
import type { ConfigFile, ParsedEnv, ProjectConfig } from './config-schema.ts';
import { formatIssue } from './format-config-issue.ts';
import { resolveEnvReferences } from './resolve-env-references.ts';
import type { FixloopConfig, ProjectBootstrap } from './fixloop-config.ts';

const DEFAULT_CONFIG_FILES = ['fixloop.config.json', 'fixloop.config.yaml', 'fixloop.config.yml'];
const KNOWN_ENV = new Set(Object.keys(envSchema.shape));

/** Parses env + config file once; throws AppError('config_invalid') naming the exact bad key. */
export function loadConfig(input: { env: Record<string, string | undefined>; cwd: string }): FixloopConfig {
  rejectUnknownFixloopEnv(input.env);
  const envOnly: Record<string, string | undefined> = {};
  for (const key of KNOWN_ENV) envOnly[key] = input.env[key];
  const configPath = findConfigFile(input.env.FIXLOOP_CONFIG, input.cwd);
  const fileLabel = configPath ? displayPath(configPath, input.cwd) : 'config file';
  const file = configPath
    ? resolveEnvReferences(readConfigFile(configPath, fileLabel), input.env, fileLabel)
    : {};

  const parsed = rawConfigSchema.safeParse({ env: envOnly, file });
  if (!parsed.success) throw configError(parsed.error, fileLabel);
  return buildConfig(parsed.data.env, parsed.data.file, configPath, input.cwd);
}

function rejectUnknownFixloopEnv(env: Record<string, string | undefined>): void {
  const unknown = Object.keys(env).filter((key) => key.startsWith('FIXLOOP_') && !KNOWN_ENV.has(key));
  if (unknown.length === 0) return;
  throw new AppError(
    'config_invalid',
    `${unknown.sort().join(', ')}: unknown environment variable${unknown.length > 1 ? 's' : ''} (known: ${[...KNOWN_ENV].filter((k) => k.startsWith('FIXLOOP_')).join(', ')})`,
    { keys: unknown },
  );
}

function findConfigFile(explicit: string | undefined, cwd: string): string | null {
  if (explicit !== undefined && explicit.trim() !== '') {
    const path = resolve(cwd, explicit.trim());
    if (!existsSync(path)) throw new AppError('config_invalid', `FIXLOOP_CONFIG: file not found: ${path}`);
    return path;
  }
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = resolve(cwd, name);
    if (existsSync(path)) return path;
  }
  return null;
}

function readConfigFile(path: string, label: string): unknown {
  const text = readFileSync(path, 'utf8');
  try {
    const value: unknown = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
    return value ?? {};
  } catch (error) {
    throw new AppError('config_invalid', `${label}: cannot parse: ${(error as Error).message}`);
  }
}

function configError(error: z.ZodError, fileLabel: string): AppError {
  const issue = error.issues[0];
  const message = issue ? formatIssue(issue, fileLabel) : 'invalid configuration';
  return new AppError('config_invalid', message, {
    issues: error.issues.map((i) => formatIssue(i, fileLabel)),
  });
}

function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function buildConfig(
  env: ParsedEnv,
  file: ConfigFile,
  configFile: string | null,
  cwd: string,
): FixloopConfig {
  const dataDir = resolve(cwd, env.FIXLOOP_DATA_DIR ?? '.fixloop');
  return {
    port: env.PORT,
    host: env.HOST,
    baseUrl: (env.FIXLOOP_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    baseUrlIsDefault: env.FIXLOOP_BASE_URL === undefined,
    dataDir,
    database: env.DATABASE_URL
      ? { dialect: 'postgres', connectionString: env.DATABASE_URL }
      : { dialect: 'sqlite', filename: resolve(dataDir, 'fixloop.db') },
    admin: {
      token: env.FIXLOOP_ADMIN_TOKEN ?? null,
      email: env.FIXLOOP_ADMIN_EMAIL ?? null,
      password: env.FIXLOOP_ADMIN_PASSWORD ?? null,
    },
    configFile,
    logLevel: env.FIXLOOP_LOG_LEVEL,
    trustProxy: env.FIXLOOP_TRUST_PROXY,
    ingest: {
      batchMax: env.FIXLOOP_INGEST_BATCH_MAX,
      batchDelayMs: env.FIXLOOP_INGEST_BATCH_DELAY_MS,
      threads: env.FIXLOOP_INGEST_THREADS < 0 ? null : env.FIXLOOP_INGEST_THREADS,
      maxQueuedEvents: 10_000,
    },
    worker: { retentionIntervalMinutes: env.FIXLOOP_RETENTION_INTERVAL_MINUTES },
    llm: file.llm ?? llmConfigSchema.parse({}),
    secretKey: env.FIXLOOP_SECRET_KEY ?? null,
    telegramPolling: env.FIXLOOP_TELEGRAM_POLLING,
    organizations: file.organizations.map((org) => ({
      slug: org.slug,
      name: org.name,
      projects: org.projects.map(toProjectBootstrap),
      ...(org.alerts ? { alerts: org.alerts } : {}),
    })),
  };
}

function toProjectBootstrap(project: ProjectConfig): ProjectBootstrap {
  const defaults = DEFAULT_PROJECT_SETTINGS;
  return {
    slug: project.slug,
    name: project.name,
    platform: project.platform ?? null,
    keys: project.keys ?? [],
    ...(project.alerts ? { alerts: project.alerts } : {}),
    settings: {
      rateLimit: project.rateLimit ?? null,
      repository: project.repository ?? null,
      investigation: { ...defaults.investigation, ...project.investigation },
      autofix: mergeAutofixSettings(defaults.autofix, project.autofix ?? {}),
      scrubbing: { ...defaults.scrubbing, ...project.scrubbing },
      eventRetentionDays: project.retention?.eventsDays ?? defaults.eventRetentionDays,
      timelineRetentionDays: project.retention?.timelinesDays ?? defaults.timelineRetentionDays,
    },
  };
}
