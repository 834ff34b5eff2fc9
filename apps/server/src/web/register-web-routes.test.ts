import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHttpServer } from '../http/create-http-server.ts';
import { defaultWebDistDir } from './default-web-dist-dir.ts';
import { registerWebRoutes } from './register-web-routes.ts';

describe('registerWebRoutes', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fixloop-web-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
    writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
    writeFileSync(join(tmpdir(), 'fixloop-web-secret.txt'), 'secret');
    app = createHttpServer();
    app.get('/api/0/organizations/', async () => [{ slug: 'acme' }]);
    app.get('/health', async () => ({ status: 'ok' }));
    registerWebRoutes(app, { distDir: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves hashed assets with a year-long immutable cache and the right type', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body).toBe('console.log(1)');
  });

  it('answers deep links with index.html, never cached', async () => {
    for (const url of ['/', '/login', '/organizations/acme/issues/42/events/abc?layers=network']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('does not shadow API, health or ingest paths', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/0/organizations/' })).json()).toEqual([
      { slug: 'acme' },
    ]);
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    for (const url of ['/api/0/nope/', '/api/1/envelope/', '/api', '/health/extra']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('<div id="root">');
    }
  });

  it('404s missing files instead of sending HTML for them', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/missing-123.js' });
    expect(response.statusCode).toBe(404);
  });

  it('never serves dot-files or anything outside the dist directory', async () => {
    for (const url of [
      '/.vite/manifest.json',
      '/../fixloop-web-secret.txt',
      '/%2e%2e/fixloop-web-secret.txt',
      '/assets/..%2f..%2ffixloop-web-secret.txt',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toBe('secret');
      expect(response.body, url).not.toBe('{}');
    }
  });

  it('explains how to build when the dashboard is missing', async () => {
    const bare = createHttpServer();
    registerWebRoutes(bare, { distDir: join(dir, 'nowhere') });
    const response = await bare.inject({ method: 'GET', url: '/organizations/acme/issues' });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    await bare.close();
  });

  it('finds apps/web/dist of this checkout from the source tree', () => {
    expect(defaultWebDistDir()).toMatch(/apps[/\\]web[/\\]dist$/);
  });
});
