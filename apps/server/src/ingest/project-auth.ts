import { AppError } from '@fixloop/core';
import type { Project, ProjectStore } from '@fixloop/core';

type KeyLookup = Awaited<ReturnType<ProjectStore['findKey']>>;

interface CacheEntry {
  value: KeyLookup;
  expiresAt: number;
}

/**
 * Resolves a public key to its project for ingest. Lookups (misses too) are cached for a short TTL so
 * the hot path does not hit the database per request, and a flood of bad keys cannot either.
 */
export class ProjectAuthenticator {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    private readonly projects: ProjectStore,
    private readonly ttlMs = 30_000,
    private readonly maxEntries = 10_000,
  ) {}

  async authenticate(projectId: number, publicKey: string, nowMs: number): Promise<Project> {
    const found = await this.lookup(publicKey, nowMs);
    if (found === null) throw new AppError('forbidden', `unknown public key for project ${projectId}`);
    if (found.key.projectId !== projectId) {
      throw new AppError('forbidden', `public key does not belong to project ${projectId}`);
    }
    if (!found.key.isActive) throw new AppError('forbidden', 'public key is disabled');
    return found.project;
  }

  /** The project of a public key alone (the simple log API names no project); same cache and checks. */
  async authenticateKey(publicKey: string, nowMs: number): Promise<Project> {
    const found = publicKey === '' ? null : await this.lookup(publicKey, nowMs);
    if (found === null) throw new AppError('unauthenticated', 'unknown or missing project key');
    if (!found.key.isActive) throw new AppError('forbidden', 'public key is disabled');
    return found.project;
  }

  /** Forget cached lookups (after keys or project settings change). */
  invalidate(): void {
    this.cache.clear();
  }

  private async lookup(publicKey: string, nowMs: number): Promise<KeyLookup> {
    const cached = this.cache.get(publicKey);
    if (cached !== undefined && cached.expiresAt > nowMs) return cached.value;
    const value = await this.projects.findKey(publicKey);
    if (this.cache.size >= this.maxEntries) this.cache.clear();
    this.cache.set(publicKey, { value, expiresAt: nowMs + this.ttlMs });
    return value;
  }
}
