import { describe, expect, it } from 'vitest';
import { countByLayer, filterTimeline } from './filter-timeline.ts';
import { pairNetworkEntries } from './pair-network-entries.ts';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, seconds)).toISOString();

describe('pairNetworkEntries', () => {
  it('pairs each request with its response by request id: one item with status and duration', () => {
    const items = pairNetworkEntries([
      {
        ts: at(0),
        layer: 'network',
        kind: 'http.request',
        message: 'POST /api/pay',
        data: { requestId: 'r1', method: 'post', url: '/api/pay' },
      },
      {
        ts: at(1),
        layer: 'network',
        kind: 'http.request',
        message: 'GET /api/cart',
        data: { requestId: 'r2', method: 'GET', url: '/api/cart' },
      },
      {
        ts: at(2),
        layer: 'network',
        kind: 'http.response',
        message: '200',
        data: { requestId: 'r2', status: 200 },
      },
      {
        ts: at(3),
        layer: 'network',
        kind: 'http.response',
        message: '502',
        level: 'error',
        data: { requestId: 'r1', status_code: 502 },
      },
    ]);
    expect(items).toHaveLength(2);
    expect(items[0]?.network).toEqual({
      method: 'POST',
      url: '/api/pay',
      status: 502,
      durationMs: 3000,
      failed: true,
      answered: true,
    });
    expect(items[1]?.network).toMatchObject({
      method: 'GET',
      url: '/api/cart',
      status: 200,
      durationMs: 1000,
      failed: false,
    });
  });

  it('falls back to method + URL, first come first served', () => {
    const items = pairNetworkEntries([
      { ts: at(0), layer: 'network', data: { phase: 'request', method: 'GET', url: '/a' } },
      { ts: at(1), layer: 'network', data: { phase: 'request', method: 'GET', url: '/a' } },
      { ts: at(4), layer: 'network', data: { phase: 'response', method: 'GET', url: '/a', status: 404 } },
    ]);
    expect(items.map((i) => [i.network?.status, i.network?.durationMs, i.network?.answered])).toEqual([
      [404, 4000, true],
      [null, null, false],
    ]);
  });

  it('keeps a response without a request as its own line', () => {
    const items = pairNetworkEntries([
      { ts: at(0), layer: 'network', data: { phase: 'response', url: '/x', status: 500 } },
    ]);
    expect(items).toHaveLength(1);
  });

  it('uses the exchange the server already paired, and reads Sentry http breadcrumbs', () => {
    const items = pairNetworkEntries([
      {
        ts: at(0),
        layer: 'network',
        kind: 'http',
        network: { method: 'GET', url: '/p', statusCode: 200, durationMs: 12, failed: false },
      },
      {
        timestamp: Date.UTC(2026, 0, 1, 12, 0, 1) / 1000,
        layer: 'network',
        category: 'fetch',
        data: { method: 'GET', url: '/q', status_code: 503, start_timestamp: 10, end_timestamp: 10.25 },
      },
    ]);
    expect(items[0]?.network).toMatchObject({ status: 200, durationMs: 12, answered: true });
    expect(items[1]?.network).toMatchObject({ status: 503, durationMs: 250, failed: true });
    expect(items[1]?.time).toBe(Date.UTC(2026, 0, 1, 12, 0, 1));
  });

  it('sorts by time', () => {
    const items = pairNetworkEntries([
      { ts: at(5), layer: 'backend', message: 'late' },
      { ts: at(1), layer: 'user', message: 'early' },
    ]);
    expect(items.map((i) => i.message)).toEqual(['early', 'late']);
  });
});

describe('filterTimeline', () => {
  const items = pairNetworkEntries([
    { ts: at(0), layer: 'user', message: 'click #pay' },
    {
      ts: at(1),
      layer: 'network',
      message: 'POST /pay',
      data: { method: 'POST', url: '/pay', status_code: 500 },
    },
    { ts: at(2), layer: 'frontend', message: 'TypeError', isError: true },
    { ts: at(3), layer: 'backend', message: 'log' },
  ]);

  it('keeps only the chosen layers, and always the error in place', () => {
    expect(filterTimeline(items, new Set(['network'])).map((i) => i.message)).toEqual([
      'POST /pay',
      'TypeError',
    ]);
    expect(filterTimeline(items, new Set(['user', 'backend'])).map((i) => i.message)).toEqual([
      'click #pay',
      'TypeError',
      'log',
    ]);
  });

  it('shows everything when no layer is chosen', () => {
    expect(filterTimeline(items, new Set())).toHaveLength(4);
  });

  it('counts items per layer', () => {
    expect(countByLayer(items)).toEqual({ user: 1, network: 1, frontend: 1, backend: 1 });
  });
});
