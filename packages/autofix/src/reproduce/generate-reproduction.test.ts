import { describe, expect, it } from 'vitest';
import { capturedError } from '../event/captured-error.ts';
import { suffixFramePathMapper } from '../event/frame-path-mapper.ts';
import { memoryRepoSnapshot } from '../source/repo-snapshot.ts';
import { generateReproduction, type ReproductionInput } from './generate-reproduction.ts';

const ORDERS = [
  'function formatOrder(order) {',
  "  const label = order.id + ':';",
  '  return label + order.customer.name;',
  '}',
  'export function totals(orders, currency) {',
  "  return orders.map((o) => formatOrder(o)).join(',') + currency;",
  '}',
  '',
].join('\n');

function frame(path: string, fn: string, lineno: number, colno: number, vars?: Record<string, unknown>) {
  return {
    filename: path,
    abs_path: path,
    function: fn,
    lineno,
    colno,
    in_app: true,
    ...(vars ? { vars } : {}),
  };
}

/** The shape @sentry/node 11 sends for a crash inside Array.map (outermost frame first). */
const mapCrash = {
  platform: 'node',
  exception: {
    values: [
      {
        type: 'TypeError',
        value: "Cannot read properties of undefined (reading 'name')",
        stacktrace: {
          frames: [
            frame('/srv/app/src/server.js', '?', 10, 3),
            frame('/srv/app/src/orders.js', 'totals', 6, 17),
            { filename: '<anonymous>', function: 'Array.map', in_app: false },
            frame('/srv/app/src/orders.js', '?', 6, 28, { o: { id: 1 } }),
            frame('/srv/app/src/orders.js', 'formatOrder', 3, 33, { order: { id: 1 }, label: '1:' }),
          ],
        },
      },
    ],
  },
};

function input(files: Record<string, string>, event: Record<string, unknown>): ReproductionInput {
  const error = capturedError(event);
  if (!error) throw new Error('no exception');
  return {
    error,
    issue: { id: 7, shortId: 'SHOP-7' },
    repo: memoryRepoSnapshot(files),
    root: '',
    mapPath: suffixFramePathMapper(Object.keys(files)),
  };
}

describe('generateReproduction for node:test', () => {
  const pkg = JSON.stringify({ type: 'module', scripts: { test: 'node --test' } });

  it('calls the exported outer function, inferring its argument through Array.map', async () => {
    const files = { 'package.json': pkg, 'src/orders.js': ORDERS, 'test/orders.test.js': '' };
    const result = await generateReproduction(input(files, mapCrash));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.path).toBe('test/fixloop-issue-7.test.js');
    expect(result.test.command).toBe('node --test test/fixloop-issue-7.test.js');
    expect(result.test.content).toContain("import { totals } from '../src/orders.js';");
    expect(result.test.content).toContain('assert.doesNotThrow(() => totals([{ id: 1 }]), TypeError);');
    expect(result.test.expectedFailure).toEqual({
      errorType: 'TypeError',
      fragments: ['Cannot read properties of undefined (reading', 'name'],
    });
  });

  it('uses the frame vars of an exported CommonJS function, decoding "<undefined>"', async () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'node --test' } }),
      'lib/price.js':
        'function price(item, qty) {\n  return item.cost * qty.n;\n}\nmodule.exports = { price };\n',
    };
    const event = {
      exception: {
        values: [
          {
            type: 'TypeError',
            value: "Cannot read properties of undefined (reading 'n')",
            stacktrace: {
              frames: [frame('/app/lib/price.js', 'price', 2, 26, { item: { cost: 3 }, qty: '<undefined>' })],
            },
          },
        ],
      },
    };
    const result = await generateReproduction(input(files, event));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.path).toBe('test/fixloop-issue-7.test.js');
    expect(result.test.content).toContain("const { price } = require('../lib/price');");
    expect(result.test.content).toContain('assert.doesNotThrow(() => price({ cost: 3 }), TypeError);');
  });

  it('loads the importing module named in an ERR_MODULE_NOT_FOUND message', async () => {
    const files = {
      'package.json': pkg,
      'src/app.js': "import { x } from './Util.js';\n",
      'src/util.js': '',
    };
    const event = {
      exception: {
        values: [
          {
            type: 'Error',
            value: "Cannot find module '/srv/src/Util.js' imported from /srv/src/app.js",
            stacktrace: {
              frames: [
                {
                  filename: 'node:internal/modules/esm/resolve',
                  function: 'finalizeResolution',
                  in_app: false,
                },
              ],
            },
          },
        ],
      },
    };
    const result = await generateReproduction(input(files, event));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.content).toContain("await assert.doesNotReject(() => import('../src/app.js'));");
  });

  it('calls an exported HTTP handler with the request data when no vars were captured', async () => {
    const files = {
      'package.json': pkg,
      'src/routes.js': 'export function createOrder(req, res) {\n  res.json(req.body.items.length);\n}\n',
    };
    const event = {
      request: { method: 'POST', url: 'http://shop.test/orders?dry=1', data: '{"customer":"a"}' },
      exception: {
        values: [
          {
            type: 'TypeError',
            value: "Cannot read properties of undefined (reading 'length')",
            stacktrace: { frames: [frame('/srv/src/routes.js', 'createOrder', 2, 27)] },
          },
        ],
      },
    };
    const result = await generateReproduction(input(files, event));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.content).toMatch(/createOrder\(\{\n\s+method: "POST",\n\s+url: "\/orders",/);
    expect(result.test.content).toContain('query: { dry: "1" }');
    expect(result.test.content).toContain('body: { customer: "a" }');
  });

  it('reports no reproduction without vars or request data', async () => {
    const files = { 'package.json': pkg, 'src/orders.js': ORDERS };
    const event = structuredClone(mapCrash);
    for (const f of event.exception.values[0]!.stacktrace.frames) delete (f as { vars?: unknown }).vars;
    const result = await generateReproduction(input(files, event));
    expect(result).toEqual({
      kind: 'no_reproduction',
      reason: expect.stringContaining('no captured arguments'),
    });
  });
});

describe('generateReproduction for other frameworks', () => {
  it('writes a Vitest test beside the code when tests live there', async () => {
    const files = {
      'package.json': JSON.stringify({ devDependencies: { vitest: '^4' } }),
      'src/orders.ts': ORDERS.replace('(orders, currency)', '(orders: Order[], currency: string)'),
      'src/cart.test.ts': '',
    };
    const result = await generateReproduction(
      input(files, JSON.parse(JSON.stringify(mapCrash).replaceAll('orders.js', 'orders.ts'))),
    );
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.path).toBe('src/fixloop-issue-7.test.ts');
    expect(result.test.command).toBe('npx --no-install vitest run src/fixloop-issue-7.test.ts');
    expect(result.test.content).toContain("import { totals } from './orders.js';");
    // Unfiltered: expect().not.toThrow(TypeError) would pass if the code threw a RangeError instead.
    expect(result.test.content).toContain('expect(() => totals([{ id: 1 }])).not.toThrow();');
  });

  it('writes a Jest test with globals and require() in a CommonJS repository', async () => {
    const files = {
      'package.json': JSON.stringify({ scripts: { test: 'jest' } }),
      'src/orders.js': `${ORDERS.replace('export function', 'function')}module.exports = { totals };\n`,
      'test/cart.test.js': '',
    };
    const result = await generateReproduction(input(files, mapCrash));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.path).toBe('test/fixloop-issue-7.test.js');
    expect(result.test.command).toBe('npx --no-install jest --runTestsByPath test/fixloop-issue-7.test.js');
    expect(result.test.content).not.toMatch(/^import /m);
    expect(result.test.content).toContain("const { totals } = require('../src/orders');");
    expect(result.test.content).toContain('expect(() => totals([{ id: 1 }])).not.toThrow();');
  });

  it.each([
    ['NODE_OPTIONS="$NODE_OPTIONS --experimental-vm-modules" npx jest'],
    ['node --experimental-vm-modules node_modules/jest/bin/jest.js'],
  ])('runs an ES module Jest test with the Node flag of the script %s', async (script) => {
    const files = {
      'package.json': JSON.stringify({ type: 'module', scripts: { test: script } }),
      'src/orders.js': ORDERS,
      'test/cart.test.js': '',
    };
    const result = await generateReproduction(input(files, mapCrash));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.command).toBe(
      'NODE_OPTIONS=--experimental-vm-modules npx --no-install jest --runTestsByPath test/fixloop-issue-7.test.js',
    );
    expect(result.test.content).toContain("import { totals } from '../src/orders.js';");
  });

  it('writes a Mocha test with node:assert in an ES module repository', async () => {
    const files = {
      'package.json': JSON.stringify({ type: 'module', scripts: { test: 'mocha' } }),
      'src/orders.js': ORDERS,
      'test/cart.spec.js': '',
    };
    const result = await generateReproduction(input(files, mapCrash));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.path).toBe('test/fixloop-issue-7.spec.js');
    expect(result.test.command).toBe('npx --no-install mocha test/fixloop-issue-7.spec.js');
    expect(result.test.content).toContain("import { totals } from '../src/orders.js';");
    expect(result.test.content).toMatch(
      /^it\("issue SHOP-7: totals\(\) no longer throws TypeError", \(\) => \{$/m,
    );
    expect(result.test.content).toContain('assert.doesNotThrow(() => totals([{ id: 1 }]), TypeError);');
  });

  it('writes a pytest test from sentry-python repr vars', async () => {
    const files = {
      'pyproject.toml': '[tool.pytest.ini_options]\n',
      'shop/orders.py': 'def format_order(order, currency="EUR"):\n    return order["customer"]["name"]\n',
      'tests/test_cart.py': '',
    };
    const event = {
      platform: 'python',
      exception: {
        values: [
          {
            type: 'TypeError',
            value: "'NoneType' object is not subscriptable",
            stacktrace: {
              frames: [
                {
                  filename: 'shop/orders.py',
                  abs_path: '/srv/shop/orders.py',
                  module: 'shop.orders',
                  function: 'format_order',
                  lineno: 2,
                  in_app: true,
                  vars: { order: { id: '1', customer: 'None' }, currency: "'USD'" },
                },
              ],
            },
          },
        ],
      },
    };
    const result = await generateReproduction(input(files, event));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.path).toBe('tests/test_fixloop_issue_7.py');
    expect(result.test.command).toBe('python3 -m pytest -q tests/test_fixloop_issue_7.py');
    expect(result.test.content).toContain('from shop.orders import format_order');
    expect(result.test.content).toContain(`format_order(order={"id": 1, "customer": None}, currency='USD')`);
    expect(result.test.content).toContain('except TypeError as error:');
  });

  it('rebuilds the nested objects @sentry/node dropped from what the crash proves', async () => {
    const files = {
      'package.json': JSON.stringify({ type: 'module', scripts: { test: 'node --test' } }),
      'src/ship.js':
        'export function shipTo(customer) {\n  return customer.name + customer.address.geo.lat;\n}\n',
    };
    // What the real SDK sends for customer = { name: 'Ada', address: { geo: null } }: address dropped.
    const vars = { customer: { name: 'Ada' } };
    const crash = frame('/srv/app/src/ship.js', 'shipTo', 2, 46, vars);
    const value = "Cannot read properties of null (reading 'lat')";
    const event = { exception: { values: [{ type: 'TypeError', value, stacktrace: { frames: [crash] } }] } };
    const result = await generateReproduction(input(files, event));
    if (result.kind !== 'reproduction') throw new Error(result.reason);
    expect(result.test.content).toContain(
      `assert.doesNotThrow(() => shipTo({ name: "Ada", address: { geo: null } }), TypeError);`,
    );
    expect(result.test.description).toContain(
      'The crash proves customer.address.geo was null in shipTo() inside existing objects',
    );
  });
});
