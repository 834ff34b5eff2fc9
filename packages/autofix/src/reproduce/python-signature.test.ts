import { describe, expect, it } from 'vitest';
import { moduleLevelSignature } from './python-signature.ts';

const names = (text: string, name: string) =>
  moduleLevelSignature(text, name)?.parameters.map((p) => `${p.kind}:${p.name}`);

describe('moduleLevelSignature', () => {
  it('classifies positional-only, plain, *args, keyword-only and **kwargs parameters', () => {
    const text = 'def checkout(cart: "Cart", /, tax: float = 1.2, *extra, notify=False, **options) -> str:\n';
    expect(names(text, 'checkout')).toEqual([
      'positional:cart',
      'normal:tax',
      'varargs:extra',
      'keyword:notify',
      'varkw:options',
    ]);
    expect(names('def f(a, *, b):\n', 'f')).toEqual(['normal:a', 'keyword:b']);
  });

  it('reads through annotations, defaults with brackets, commas and parentheses in strings, and comments', () => {
    const text = [
      'async def load(',
      '    ids: dict[str, int] = {"a": (1, 2)},  # ids, by name (a comment)',
      '    sep=", ",',
      "    close=')',",
      '    key=lambda: 0,',
      '):',
      '    pass',
    ].join('\n');
    expect(moduleLevelSignature(text, 'load')).toEqual({
      async: true,
      parameters: ['ids', 'sep', 'close', 'key'].map((name) => ({ name, kind: 'normal' })),
    });
  });

  it('finds no module-level function for a method or a missing name', () => {
    const text = 'class Cart:\n    def total(self, tax):\n        pass\n';
    expect(moduleLevelSignature(text, 'total')).toBeNull();
    expect(moduleLevelSignature(text, 'refund')).toBeNull();
    expect(names('def first(self, x):\n', 'first')).toEqual(['normal:x']);
  });
});
