import { describe, expect, it } from 'vitest';
import type { PythonCallTarget } from './python-call-target.ts';
import { renderPytest } from './render-pytest.ts';

type Arg = PythonCallTarget['args'][number];
const arg = (name: string, kind: Arg['kind'], value?: unknown): Arg => ({ name, kind, value, known: value !== undefined }); // prettier-ignore

function render(args: Arg[], options: { async?: boolean; errorType?: string } = {}): string {
  const target = { module: 'shop.orders', path: 'shop/orders.py', functionName: 'total', async: options.async ?? false, args }; // prettier-ignore
  return renderPytest({ target, errorType: options.errorType ?? 'KeyError', testName: 'test_total', header: ['Reproduces'] }); // prettier-ignore
}

describe('renderPytest', () => {
  it('passes plain and keyword-only parameters by keyword, and leaves out what was not captured', () => {
    const test = render([arg('order', 'normal', { id: "'A-1'" }), arg('rate', 'normal'), arg('strict', 'keyword', 'True')]); // prettier-ignore
    expect(test).toContain(
      '        total(order={"id": \'A-1\'}, strict=True)\n    except KeyError as error:',
    );
    expect(test).toContain('from shop.orders import total');
    expect(test).not.toContain('asyncio');
  });

  it('passes positional-only parameters by position, up to the first one not captured', () => {
    expect(render([arg('a', 'positional', '1'), arg('b', 'positional'), arg('c', 'positional', '3'), arg('d', 'normal', '4')])) // prettier-ignore
      .toContain('        total(1, d=4)\n');
  });

  it('passes captured *args after the parameters before it, by position, then keywords and **kwargs', () => {
    const args = [arg('order', 'normal', "'o'"), arg('extra', 'varargs', ['1', "'x'"]), arg('fast', 'keyword', 'False'), arg('options', 'varkw', { retry: '2' })]; // prettier-ignore
    expect(render(args)).toContain(`        total('o', *[1, 'x'], fast=False, **{"retry": 2})\n`);
  });

  it('leaves *args out when a parameter before it was not captured: nothing could be placed before it', () => {
    const args = [arg('order', 'normal'), arg('rate', 'normal', '2'), arg('extra', 'varargs', ['1'])];
    expect(render(args)).toContain('        total(rate=2)\n');
  });

  it('runs an async function, whose call alone would only create a coroutine', () => {
    const test = render([arg('order', 'normal', "'o'")], { async: true });
    expect(test).toContain("        asyncio.run(total(order='o'))\n");
    expect(test).toMatch(/^import asyncio$/m);
  });

  it('catches an exception that is not built in by its type name', () => {
    const test = render([], { errorType: 'OutOfStock' });
    expect(test).toContain(
      '    except Exception as error:\n        if type(error).__name__ != "OutOfStock":\n            raise\n',
    );
    expect(test).toContain('pytest.fail(f"OutOfStock: {error}")');
  });
});
