import { setFlagsFromString } from 'node:v8';
import { DEFAULT_SCRUBBING } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { copyJsonObject, type JsonObject } from './json-value.ts';
import { normalizeEvent } from './normalize-event.ts';

// %HaveSameMap tells whether two objects share a V8 hidden class; natives syntax must be on when the
// function is compiled, and turning it on at run time only affects code compiled afterwards.
setFlagsFromString('--allow-natives-syntax');
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/** A fresh object per call, as JSON.parse makes one per event. */
const parsed = (id: number): JsonObject =>
  JSON.parse(`{"event_id":"${id}","level":"error","platform":"node","tags":{"a":"b"},"extra":{"n":${id}}}`);

/**
 * The copies to compare come after a few warm-up calls: V8 only takes its spread fast path (the one
 * that makes detached hidden classes) once the call site's inline cache has seen the source's shape.
 */
function lastOf<T>(make: (i: number) => T): [T, T] {
  let previous = make(0);
  let last = make(1);
  for (let i = 2; i < 20; i++) [previous, last] = [last, make(i)];
  return [previous, last];
}

function withAddedKeys(copy: JsonObject, id: number): JsonObject {
  copy.received = id;
  copy.title = `title ${id}`;
  copy.errors = [];
  return copy;
}

describe('copyJsonObject', () => {
  it('copies own keys shallowly and leaves the source alone', () => {
    const source = parsed(1);
    const copy = copyJsonObject(source);
    expect(copy).toEqual(source);
    expect(copy).not.toBe(source);
    expect(copy.tags).toBe(source.tags);
    copy.level = 'info';
    expect(source.level).toBe('error');
  });

  it('keeps a "__proto__" key as data instead of setting the prototype', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonObject;
    const copy = copyJsonObject(source);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it('gives copies with the same keys added one hidden class', () => {
    expect(
      haveSameMap(withAddedKeys(copyJsonObject(parsed(1)), 1), withAddedKeys(copyJsonObject(parsed(2)), 2)),
    ).toBe(true);
    // Why it exists: with V8 11 (Node 20) a spread copy gets a hidden class of its own for every key
    // added later. If this starts failing, the V8 in use no longer does that.
    const [c, d] = lastOf((i) => withAddedKeys({ ...parsed(i) }, i));
    expect(haveSameMap(c, d)).toBe(false);
  });
});

describe('normalizeEvent hidden classes', () => {
  it('gives events of the same shape payloads and records of one hidden class', () => {
    const options = { projectId: 1, receivedAt: new Date(), clientIp: null, scrubbing: DEFAULT_SCRUBBING };
    const event = (id: number) =>
      JSON.parse(
        JSON.stringify({
          event_id: id.toString(16).padStart(32, '0'),
          timestamp: 1_700_000_000 + id,
          level: 'error',
          platform: 'node',
          server_name: 'web-1',
          release: 'shop@1.0.0',
          environment: 'production',
          exception: {
            values: [
              {
                type: 'TypeError',
                value: `bad ${id}`,
                stacktrace: { frames: [{ filename: 'a.js', function: 'f', lineno: id }] },
              },
            ],
          },
          breadcrumbs: { values: [{ timestamp: 1_700_000_000, category: 'http', data: { url: '/x' } }] },
          contexts: { runtime: { name: 'node', version: '20' } },
          tags: { region: 'eu' },
          user: { id: String(id) },
          request: { url: 'https://shop.example/cart', headers: { 'User-Agent': 'curl/8' } },
          sdk: { name: 'sentry.javascript.node', version: '10.0.0' },
          extra: { attempt: id },
        }),
      ) as unknown;
    const [a, b] = lastOf((i) => normalizeEvent(event(i), options).record);
    expect(a.payload.title).not.toBe(b.payload.title);
    expect(haveSameMap(a.payload, b.payload)).toBe(true);
    expect(haveSameMap(a, b)).toBe(true);
  });
});
