import { describe, expect, it } from 'vitest';
import { eventStackFrames } from '../culprit/event-stack-frames.ts';
import { CodeMapper } from './code-mapper.ts';
import { runtimePathSegments } from './runtime-path.ts';

const files = [
  'package.json',
  'src/cart.ts',
  'src/cart.js',
  'src/lib/cart.ts',
  'dist/x.js',
  'static/js/app.js',
  'app/services/cart.py',
  'app/services/__init__.py',
  'services/shop/src/checkout.ts',
  'services/admin/src/checkout.ts',
  'src/Cart View.tsx',
];

describe('runtimePathSegments', () => {
  it.each([
    ['/app/src/cart.ts', ['app', 'src', 'cart.ts']],
    ['webpack:///./src/cart.ts', ['src', 'cart.ts']],
    ['webpack://shop-frontend/./src/cart.ts?abc', ['src', 'cart.ts']],
    ['app:///dist/x.js', ['dist', 'x.js']],
    ['file:///home/me/shop/src/cart.js', ['home', 'me', 'shop', 'src', 'cart.js']],
    ['~/static/js/app.js?v=3#frag', ['static', 'js', 'app.js']],
    ['https://cdn.example.com:8443/static/js/app.js', ['static', 'js', 'app.js']],
    ['C:\\Users\\me\\shop\\src\\cart.ts', ['Users', 'me', 'shop', 'src', 'cart.ts']],
    ['file:///C:/shop/src/../src/cart.ts', ['shop', 'src', 'cart.ts']],
    ['/app/src/Cart%20View.tsx', ['app', 'src', 'Cart View.tsx']],
  ])('%s', (path, segments) => {
    expect(runtimePathSegments(path)).toEqual(segments);
  });
});

describe('CodeMapper', () => {
  const mapper = new CodeMapper(files);

  it('maps a Node path by the longest matching suffix and records the rule', () => {
    expect(mapper.map({ paths: ['/app/src/cart.js'] })).toMatchObject({
      repoPath: 'src/cart.js',
      rule: 'path-suffix',
      matchedSegments: 2,
      detail: 'longest path suffix: /app/ → (repository root) (2 segments agree)',
    });
  });

  it('maps webpack, app://, file://, ~/ and Windows paths', () => {
    expect(mapper.map({ paths: ['webpack:///./src/cart.ts'] })?.repoPath).toBe('src/cart.ts');
    expect(mapper.map({ paths: ['app:///dist/x.js'] })?.repoPath).toBe('dist/x.js');
    expect(mapper.map({ paths: ['file:///srv/shop/src/lib/cart.ts'] })?.repoPath).toBe('src/lib/cart.ts');
    expect(mapper.map({ paths: ['~/static/js/app.js?v=1'] })?.repoPath).toBe('static/js/app.js');
    expect(mapper.map({ paths: ['D:\\build\\shop\\src\\cart.ts'] })?.repoPath).toBe('src/cart.ts');
    expect(mapper.map({ paths: ['/app/src/unknown.ts'] })).toBeNull();
  });

  it('uses the source-mapped original path of a symbolicated browser frame', () => {
    const [frame] = eventStackFrames({
      exception: {
        values: [
          {
            type: 'TypeError',
            stacktrace: {
              frames: [
                {
                  abs_path: 'app:///dist/x.js',
                  lineno: 1,
                  colno: 4810,
                  in_app: true,
                  original: { abs_path: 'webpack:///./src/cart.ts', lineno: 12, colno: 7, function: 'total' },
                },
              ],
            },
          },
        ],
      },
    });
    expect(frame).toMatchObject({
      runtimePath: 'app:///dist/x.js',
      symbolicated: true,
      lineno: 12,
      function: 'total',
    });
    expect(mapper.map(frame!)).toMatchObject({ repoPath: 'src/cart.ts', from: 'webpack:///./src/cart.ts' });
  });

  it('maps Python frames by file path and by dotted module', () => {
    expect(
      mapper.map({ paths: ['/srv/app/services/cart.py', 'app/services/cart.py'], platform: 'python' })
        ?.repoPath,
    ).toBe('app/services/cart.py');
    expect(mapper.map({ paths: ['cart.py'], module: 'app.services.cart', platform: 'python' })).toMatchObject(
      {
        repoPath: 'app/services/cart.py',
        rule: 'python-module',
        detail: 'Python module app.services.cart → app/services/cart.py',
      },
    );
    expect(mapper.map({ paths: ['__init__.py'], module: 'app.services', platform: 'python' })?.repoPath).toBe(
      'app/services/__init__.py',
    );
  });

  it('applies explicit code mappings first, longest stackRoot winning', () => {
    const explicit = new CodeMapper(files, {
      codeMappings: [
        { stackRoot: '/app/', sourceRoot: 'services/admin/' },
        { stackRoot: '/app/shop/', sourceRoot: 'services/shop' },
      ],
    });
    expect(explicit.map({ paths: ['/app/shop/src/checkout.ts'] })).toMatchObject({
      repoPath: 'services/shop/src/checkout.ts',
      rule: 'explicit',
      detail: 'code mapping /app/shop/ → services/shop',
    });
    expect(explicit.map({ paths: ['/app/src/checkout.ts'] })?.repoPath).toBe(
      'services/admin/src/checkout.ts',
    );
  });

  it('breaks suffix ties in favour of the monorepo root and says which files tied', () => {
    const shop = new CodeMapper(files, { root: 'services/shop' });
    expect(shop.map({ paths: ['/srv/src/checkout.ts'] })).toMatchObject({
      repoPath: 'services/shop/src/checkout.ts',
      ties: ['services/admin/src/checkout.ts'],
    });
  });
});
