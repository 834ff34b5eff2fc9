import { describe, expect, it } from 'vitest';
import { capturedError } from '../event/captured-error.ts';
import { suffixFramePathMapper } from '../event/frame-path-mapper.ts';
import { memoryRepoSnapshot } from '../source/repo-snapshot.ts';
import { findPythonCallTarget } from './python-call-target.ts';

const CART = [
  'class Cart:',
  '    def total(self, tax):',
  '        return self.net * tax',
  '',
  'def checkout(cart: "Cart", tax: float = 1.2, *extra, notify=False, **options) -> str:',
  '    return cart.total(tax)',
  '',
].join('\n');

/** A crash inside Cart.total called from checkout, as sentry-python sends it (outermost frame first). */
function crash(module: string | null, path: string) {
  const frame = (fn: string, vars: Record<string, unknown>) => ({
    filename: path,
    abs_path: `/srv/${path}`,
    function: fn,
    ...(module ? { module } : {}),
    in_app: true,
    vars,
  });
  return capturedError({
    platform: 'python',
    exception: {
      values: [
        {
          type: 'AttributeError',
          value: "'Cart' object has no attribute 'net'",
          stacktrace: {
            frames: [
              { filename: 'site-packages/flask/app.py', function: 'dispatch', in_app: false, vars: { rv: 'None' } }, // prettier-ignore
              frame('checkout', { cart: '<Cart object at 0x7f>', tax: '1.2', notify: 'True' }),
              frame('total', { self: '<Cart object at 0x7f>', tax: '1.2' }),
            ],
          },
        },
      ],
    },
  })!;
}

async function target(module: string | null, path: string, root = '') {
  const repo = memoryRepoSnapshot({ [path]: CART });
  return findPythonCallTarget(crash(module, path), repo, suffixFramePathMapper([path], root), root);
}

describe('findPythonCallTarget', () => {
  it('skips methods and calls the innermost module-level function with its captured parameters', async () => {
    expect(await target('shop.cart', 'shop/cart.py')).toEqual({
      module: 'shop.cart',
      path: 'shop/cart.py',
      functionName: 'checkout',
      async: false,
      args: [
        { name: 'cart', kind: 'normal', value: '<Cart object at 0x7f>', known: true },
        { name: 'tax', kind: 'normal', value: '1.2', known: true },
        { name: 'extra', kind: 'varargs', value: undefined, known: false },
        { name: 'notify', kind: 'keyword', value: 'True', known: true },
        { name: 'options', kind: 'varkw', value: undefined, known: false },
      ],
    });
  });

  it('imports a module that ran as a script by its path below the project root', async () => {
    expect((await target('__main__', 'backend/shop/cart.py', 'backend'))?.module).toBe('shop.cart');
    expect((await target(null, 'shop/__init__.py'))?.module).toBe('shop');
  });
});
