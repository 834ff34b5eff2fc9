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

export interface ProjectSettings {
  rateLimit: RateLimit | null;
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

export const DEFAULT_PROJECT_SETTINGS: ProjectSettings = {
  rateLimit: null,
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
