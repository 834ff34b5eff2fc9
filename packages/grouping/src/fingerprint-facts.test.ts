import { setFlagsFromString } from 'node:v8';
import type { SentryEvent } from '@fixloop/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ENHANCEMENTS } from './builtin-enhancements.ts';
import { parseEnhancements } from './enhancement-rules.ts';
import { readEventInterfaces } from './event-interfaces.ts';
import { fingerprintFacts } from './fingerprint-facts.ts';

// %HasFastProperties tells whether V8 keeps an object's properties in its hidden class (fast) or in a
// per-object dictionary; natives syntax must be on when the function is compiled.
setFlagsFromString('--allow-natives-syntax');
const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;

const RULES = parseEnhancements(BUILTIN_ENHANCEMENTS);

function event(i: number): SentryEvent {
  return JSON.parse(
    JSON.stringify({
      platform: 'node',
      release: `app@${i}`,
      tags: { region: `eu-${i}` },
      exception: {
        values: [
          {
            type: 'TypeError',
            value: `x${i} is undefined`,
            stacktrace: {
              frames: [
                { filename: `/srv/app/src/cart-${i}.js`, function: `load${i}`, module: 'cart', in_app: true },
              ],
            },
          },
        ],
      },
    }),
  ) as SentryEvent;
}

const factsOf = (i: number) => {
  const raw = event(i);
  return fingerprintFacts(raw, readEventInterfaces(raw, RULES));
};

describe('fingerprintFacts', () => {
  it('reads messages, exceptions, tags and single values, and the frames when asked', () => {
    const facts = factsOf(1);
    expect(facts.exceptions).toEqual([{ type: 'TypeError', value: 'x1 is undefined' }]);
    expect(facts.tags).toContainEqual({ key: 'region', value: 'eu-1' });
    expect(facts.single).toMatchObject({ family: 'javascript', release: 'app@1' });
    expect(facts.frames).toEqual([
      expect.objectContaining({ path: '/srv/app/src/cart-1.js', function: 'load1', app: true }),
    ]);
    // Built once, then kept.
    expect(facts.frames).toBe(facts.frames);
  });

  it('makes plain fast objects, with the lazy frames on the prototype', () => {
    // The object literal with a `get frames()` it replaces was a dictionary-mode object holding an
    // AccessorPair per event, whose closure kept the event's frames alive past the next scavenge: the
    // ingest thread promoted ~0.5 MB per scavenge and ran a full GC every ~0.5 s (docs/adr/0003).
    const facts = factsOf(2);
    expect(Object.getOwnPropertyDescriptor(facts, 'frames')).toBeUndefined();
    expect(hasFastProperties(facts)).toBe(true);
    // Why it matters: in V8 11 (Node 20) such a literal does go to dictionary mode.
    const list = [1];
    const literal = {
      get frames() {
        return list;
      },
    };
    expect(hasFastProperties(literal)).toBe(false);
  });
});
