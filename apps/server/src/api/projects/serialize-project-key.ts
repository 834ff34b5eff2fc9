import { formatDsn } from '@fixloop/core';
import type { ProjectKey } from '@fixloop/core';

export interface ProjectKeyJson {
  /** The public key, as in Sentry (it is also the `{keyId}` of the key URLs). */
  id: string;
  name: string;
  label: string;
  public: string;
  /** Fixloop keys have no secret part (Sentry deprecated it); null keeps the field for clients. */
  secret: null;
  isActive: boolean;
  rateLimit: null;
  dsn: { public: string; secret: string; csp: string; security: string; minidump: string };
  dateCreated: string;
  projectId: number;
}

/** Sentry's project key JSON with its DSN variants, under the server's public base URL. */
export function serializeProjectKey(key: ProjectKey, baseUrl: string): ProjectKeyJson {
  const dsn = formatDsn(baseUrl, key.publicKey, key.projectId);
  const api = `${baseUrl.replace(/\/+$/, '')}/api/${key.projectId}`;
  const withKey = (endpoint: string) => `${api}/${endpoint}/?sentry_key=${key.publicKey}`;
  return {
    id: key.publicKey,
    name: key.label,
    label: key.label,
    public: key.publicKey,
    secret: null,
    isActive: key.isActive,
    rateLimit: null,
    dsn: {
      public: dsn,
      secret: dsn,
      csp: withKey('csp-report'),
      security: withKey('security'),
      minidump: withKey('minidump'),
    },
    dateCreated: key.createdAt.toISOString(),
    projectId: key.projectId,
  };
}
