import type { RepositorySettings } from '../repositories/repository-settings.ts';
import type { AutofixSettings } from './autofix-settings.ts';
import { DEFAULT_AUTOFIX_SETTINGS } from './autofix-settings.ts';

export interface Organization {
  id: number;
  slug: string;
  name: string;
  createdAt: Date;
}

/** Per-project fixed-window rate limit for ingestion. */
export interface RateLimit {
  /** Events accepted per window. */
  count: number;
  windowSeconds: number;
}

export interface ScrubbingSettings {
  /** Server-side PII scrubbing before anything is stored. On by default. */
  enabled: boolean;
  /** Extra field names (case-insensitive substrings) to scrub beside the built-in list. */
  extraFields: string[];
  /** Field names never scrubbed, even when they match. */
  safeFields: string[];
  /** Scrub the client IP address. Off by default (Sentry keeps IPs unless told not to). */
  scrubIpAddresses: boolean;
}

/** What happens when an issue appears, before any fix is attempted. */
export interface InvestigationSettings {
  /** Investigate new and regressed issues automatically (a job; never inline with ingest). */
  auto: boolean;
  /** Post the report once as a comment on the issue. */
  postComment: boolean;
  /** Monthly LLM budget of the project in USD; null = no limit beyond the global one. */
  monthlyBudgetUsd: number | null;
}

export interface ProjectSettings {
  rateLimit: RateLimit | null;
  /** The git repository the project's code lives in; investigations and fixes need it. */
  repository: RepositorySettings | null;
  investigation: InvestigationSettings;
  /** Verified autofix: triggers, policy, agents, bot identity, GitHub (see autofix-settings.ts). */
  autofix: AutofixSettings;
  scrubbing: ScrubbingSettings;
  /** Days to keep events (default 90) and timelines (default 30). */
  eventRetentionDays: number;
  timelineRetentionDays: number;
}

export const DEFAULT_SCRUBBING: ScrubbingSettings = {
  enabled: true,
  extraFields: [],
  safeFields: [],
  scrubIpAddresses: false,
};

export const DEFAULT_INVESTIGATION_SETTINGS: InvestigationSettings = {
  auto: true,
  postComment: true,
  monthlyBudgetUsd: null,
};

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  rateLimit: null,
  repository: null,
  investigation: DEFAULT_INVESTIGATION_SETTINGS,
  autofix: DEFAULT_AUTOFIX_SETTINGS,
  scrubbing: DEFAULT_SCRUBBING,
  eventRetentionDays: 90,
  timelineRetentionDays: 30,
};

export interface Project {
  /** Numeric: it is the last segment of the DSN and the `{project_id}` of ingest URLs. */
  id: number;
  organizationId: number;
  slug: string;
  name: string;
  platform: string | null;
  settings: ProjectSettings;
  createdAt: Date;
}

export interface ProjectKey {
  id: number;
  projectId: number;
  /** 32 lowercase hex characters; the user part of the DSN. */
  publicKey: string;
  label: string;
  isActive: boolean;
  createdAt: Date;
}

/** `{protocol}://{publicKey}@{host}/{projectId}` (spec §1). */
export function formatDsn(baseUrl: string, publicKey: string, projectId: number): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${publicKey}@${url.host}${path}/${projectId}`;
}
