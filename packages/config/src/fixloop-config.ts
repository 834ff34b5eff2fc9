import type { LlmConfig } from '@fixloop/llm/config-schema';
import type { ProjectSettings } from '@fixloop/core';
import type { LOG_LEVELS } from './config-schema.ts';
import type { OrganizationAlertsConfig, ProjectAlertsConfig } from './alerts-config-schema.ts';

export type LogLevel = (typeof LOG_LEVELS)[number];

export type DatabaseConfig =
  | { dialect: 'sqlite'; filename: string }
  /** `schema` isolates test runs in one PostgreSQL database; production leaves it unset. */
  | { dialect: 'postgres'; connectionString: string; schema?: string };

export interface ProjectBootstrap {
  slug: string;
  name: string;
  platform: string | null;
  /** Pinned public keys (32 hex) created when missing. */
  keys: string[];
  settings: ProjectSettings;
  /** Alert rules of the project from the config file, and whether the default rules are seeded. */
  alerts?: ProjectAlertsConfig;
}

export interface OrganizationBootstrap {
  slug: string;
  name: string;
  projects: ProjectBootstrap[];
  /** Alert channels and organization-wide rules from the config file. */
  alerts?: OrganizationAlertsConfig;
}

export interface FixloopConfig {
  port: number;
  host: string;
  /** Where the dashboard and DSNs point. */
  baseUrl: string;
  /** True when FIXLOOP_BASE_URL was not given, so the server may substitute the port it really bound. */
  baseUrlIsDefault: boolean;
  /** Absolute. */
  dataDir: string;
  database: DatabaseConfig;
  admin: { token: string | null; email: string | null; password: string | null };
  /** Absolute path of the config file that was read, or null. */
  configFile: string | null;
  logLevel: LogLevel;
  /** Take the client IP from X-Forwarded-For. */
  trustProxy: boolean;
  ingest: {
    /** Events per storage transaction. */
    batchMax: number;
    /** Longest wait to fill a batch after its first item. */
    batchDelayMs: number;
    /**
     * Worker threads that parse, normalize and group events off the main thread (which keeps HTTP and
     * the database). 0 = all on the main thread; null = automatic (one per spare core).
     */
    threads: number | null;
    /** Above this many queued events, ingest answers 503 (backpressure). */
    maxQueuedEvents: number;
  };
  worker: { retentionIntervalMinutes: number };
  organizations: OrganizationBootstrap[];
  /** The LLM fallback chain, budget and prices; disabled unless the config file enables it. */
  llm: LlmConfig;
  /** FIXLOOP_SECRET_KEY, or null: the server then keeps a generated key in `<dataDir>/secret.key`. */
  secretKey: string | null;
  /** Poll Telegram for bot commands (FIXLOOP_TELEGRAM_POLLING); off by default (webhook). */
  telegramPolling: boolean;
}
