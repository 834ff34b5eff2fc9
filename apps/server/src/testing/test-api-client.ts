import { randomBytes } from 'node:crypto';
import { API_SCOPES } from '@fixloop/core';
import type { ApiScope, OrganizationRole, Storage, User } from '@fixloop/core';
import { hashApiToken } from '../bootstrap/bootstrap-accounts.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A tiny fetch wrapper for Web API tests: Bearer auth, JSON in and out. */
export class TestApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | null,
  ) {}

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, body);
  }

  put<T = unknown>(path: string, body?: unknown): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, body);
  }

  delete<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', path);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {};
    if (this.token !== null) headers['authorization'] = `Bearer ${this.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed = text.length === 0 ? null : (JSON.parse(text) as unknown);
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
}

export interface TestPrincipalOptions {
  /** Organization slug the user joins (default: no membership). */
  organization?: string;
  role?: OrganizationRole;
  scopes?: ApiScope[];
  superuser?: boolean;
}

/** Creates a user, optionally a member of an organization, with an API token; returns both. */
export async function createTestUserToken(
  storage: Storage,
  options: TestPrincipalOptions = {},
): Promise<{ user: User; token: string }> {
  const suffix = randomBytes(4).toString('hex');
  const user = await storage.accounts.createUser({
    email: `user-${suffix}@example.com`,
    name: `User ${suffix}`,
    passwordHash: 'unused',
    isSuperuser: options.superuser ?? false,
    mustChangePassword: false,
  });
  if (options.organization !== undefined) {
    const organization = await storage.projects.getOrganizationBySlug(options.organization);
    if (organization === null) throw new Error(`no organization ${options.organization}`);
    await storage.accounts.addMember({
      organizationId: organization.id,
      userId: user.id,
      role: options.role ?? 'member',
    });
  }
  const token = `fxl_${randomBytes(20).toString('hex')}`;
  await storage.accounts.createApiToken({
    name: `test ${suffix}`,
    tokenHash: hashApiToken(token),
    tokenPrefix: token.slice(0, 8),
    scopes: options.scopes ?? [...API_SCOPES],
    userId: user.id,
  });
  return { user, token };
}
