import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import { parseJsonLenient } from './lenient-json.ts';

describe('parseJsonLenient', () => {
  it('parses plain JSON from a string or a Buffer', () => {
    expect(parseJsonLenient('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parseJsonLenient(Buffer.from('{"é":"🎉"}'))).toEqual({ é: '🎉' });
  });

  it("turns Python's NaN / Infinity / -Infinity outside strings into null", () => {
    const text = '{"extra":{"a":NaN,"b":Infinity,"c":-Infinity,"d":[NaN, 1, -Infinity]},"n":-1}';
    expect(parseJsonLenient(text)).toEqual({
      extra: { a: null, b: null, c: null, d: [null, 1, null] },
      n: -1,
    });
  });

  it('leaves the same tokens inside strings untouched, including after escaped quotes', () => {
    const text = '{"msg":"NaN and Infinity and -Infinity","q":"say \\"NaN\\" now","v":NaN}';
    expect(parseJsonLenient(text)).toEqual({
      msg: 'NaN and Infinity and -Infinity',
      q: 'say "NaN" now',
      v: null,
    });
  });

  it('tolerates a UTF-8 BOM', () => {
    expect(parseJsonLenient(Buffer.from('\ufeff{"a":1}'))).toEqual({ a: 1 });
  });

  it('reports invalid JSON with the parser message', () => {
    for (const text of ['{"a":', '{"a":nan}', '', '{"a":1}}']) {
      let caught: unknown;
      try {
        parseJsonLenient(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).code).toBe('invalid_payload');
      expect((caught as AppError).message).toMatch(/^invalid JSON: ./);
    }
  });
});
