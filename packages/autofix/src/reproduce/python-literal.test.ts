import { describe, expect, it } from 'vitest';
import { isPythonLiteral, pythonLiteral } from './python-literal.ts';

describe('pythonLiteral', () => {
  it('rebuilds a frame variable as sentry-python sends it: JSON containers with repr leaves', () => {
    const order = {
      id: "'A-1'",
      customer: { name: "'Ada'", vip: 'True' },
      lines: [{ sku: "'tea'", price: '2.5', qty: '2' }],
      note: 'None',
    };
    expect(pythonLiteral(order)).toBe(
      `{"id": 'A-1', "customer": {"name": 'Ada', "vip": True}, "lines": [{"sku": 'tea', "price": 2.5, "qty": 2}], "note": None}`,
    );
  });

  it('keeps a container that was cut at the depth limit and arrives as one repr string', () => {
    const geo = { lat: "{'deg': 1, 'min': -2.5e-07}", path: "['b', ['c'], ('d',)]", tags: "{'x', 'y'}" };
    expect(pythonLiteral(geo)).toBe(
      `{"lat": {'deg': 1, 'min': -2.5e-07}, "path": ['b', ['c'], ('d',)], "tags": {'x', 'y'}}`,
    );
  });

  it('turns what is not valid literal source into None', () => {
    expect(pythonLiteral('<shop.orders.Cart object at 0x7f3a2c1d>')).toBe('None');
    expect(pythonLiteral("{'cart': <Cart object at 0x7f>}")).toBe('None');
    expect(pythonLiteral('[Filtered]')).toBe('None');
    expect(pythonLiteral("'yyyyyyyy...")).toBe('None'); // cut at the SDK's length limit
    expect(pythonLiteral('[1, [...]]')).toBe('None'); // a recursive list
    expect(pythonLiteral("Decimal('1.5')")).toBe('None');
  });

  it('writes non-finite floats and plain JSON values as Python', () => {
    expect(pythonLiteral('inf')).toBe('float("inf")');
    expect(pythonLiteral('nan')).toBe('float("nan")');
    expect(pythonLiteral(3)).toBe('3');
    expect(pythonLiteral(false)).toBe('False');
    expect(pythonLiteral(null)).toBe('None');
    expect(pythonLiteral({ 'a "b"': [] })).toBe('{"a \\"b\\"": []}');
  });
});

describe('isPythonLiteral', () => {
  it.each([
    '0', '-12', '3.14', '1e+20', 'None', 'True', "'it\\'s'", '"say \'hi\'"', "b'\\x00ab'", "'a' 'b'",
    '[]', '()', '{}', '(1,)', "{'a': [1, (2, 3)], 'b': {'c': None}}", '[1, 2, ]', '{1, 2}',
  ])('accepts %s', (repr) => expect(isPythonLiteral(repr)).toBe(true)); // prettier-ignore

  it.each([
    '', 'abc', 'Nonesuch', '1 2', '[1, 2', '{1: 2, 3}', '{1, 2: 3}', '(1))', '{:}', "'unterminated",
    'set()', '0x1f', 'os.system("x")', '[1, 2]; 3',
  ])('rejects %s', (repr) => expect(isPythonLiteral(repr)).toBe(false)); // prettier-ignore
});
