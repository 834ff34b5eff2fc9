import { describe, expect, it } from 'vitest';
import { capturedError } from '../event/captured-error.ts';
import { suffixFramePathMapper } from '../event/frame-path-mapper.ts';
import { memoryRepoSnapshot } from '../source/repo-snapshot.ts';
import { withCrashShape } from './crash-shape.ts';
import { frameSites } from './frame-sites.ts';

/**
 * Runs withCrashShape on a one-frame crash at `needle` (the column V8 reports: the property name when
 * reading, the `=` when setting) in `code`, with the variables @sentry/node 11 sent. The vars below are
 * what the real SDK sends: an object inside an object is dropped, one inside an array becomes null.
 */
async function shape(
  code: string,
  needle: string,
  message: string,
  vars: Record<string, unknown>,
  type = 'TypeError',
) {
  const lines = code.split('\n');
  const lineno = lines.findIndex((line) => line.includes(needle)) + 1;
  const colno = (lines[lineno - 1] ?? '').indexOf(needle) + 1;
  const frame = { filename: '/app/src/shop.js', abs_path: '/app/src/shop.js', function: 'f', lineno, colno, in_app: true, vars }; // prettier-ignore
  const error = capturedError({ exception: { values: [{ type, value: message, stacktrace: { frames: [frame] } }] } }); // prettier-ignore
  const files = { 'src/shop.js': code };
  const sites = await frameSites(
    error!,
    memoryRepoSnapshot(files),
    suffixFramePathMapper(Object.keys(files)),
  );
  const shaped = withCrashShape(sites, error!);
  return { vars: shaped.sites[0]!.frame.vars, rebuilt: shaped.rebuilt };
}

const fn = (body: string) => `export function f(p, lines, i) {\n  const label = 'x';\n  ${body}\n}\n`;

describe('withCrashShape', () => {
  it('rebuilds the dropped objects on the path the crash read through, ending in the proven null', async () => {
    const code = fn('return label + p.a.b.x;');
    const result = await shape(code, 'x;', "Cannot read properties of null (reading 'x')", { p: { id: 1 }, label: 'x' }); // prettier-ignore
    expect(result.vars).toEqual({ p: { id: 1, a: { b: null } }, label: 'x' });
    expect(result.rebuilt).toBe('The crash proves p.a.b was null in f() inside existing objects; the arguments rebuild those the SDK did not send.'); // prettier-ignore
  });

  it('leaves a proven undefined absent, the way a missing property reads', async () => {
    const code = fn('return p.customer.address.street;');
    const result = await shape(code, 'street', "Cannot read properties of undefined (reading 'street')", { p: { id: 1 } }); // prettier-ignore
    expect(result.vars).toEqual({ p: { id: 1, customer: {} } });
  });

  it('turns an array null the crash read through into an object, and indexes by a captured variable', async () => {
    const code = fn('return lines[i].sku.code + lines[0].qty;');
    const result = await shape(code, 'code', "Cannot read properties of undefined (reading 'code')", { lines: [null, null], i: 1 }); // prettier-ignore
    expect(result.vars).toEqual({ lines: [null, {}], i: 1 });
  });

  it('creates an array for an index step and puts a proven null into an array slot', async () => {
    const code = fn("return p.rows[1]['name'].length;");
    const result = await shape(code, 'length', "Cannot read properties of null (reading 'length')", { p: {} }); // prettier-ignore
    expect(result.vars).toEqual({ p: { rows: ['<undefined>', { name: null }] } });
  });

  it('rebuilds the object a failed assignment wrote into (V8 points at the `=`)', async () => {
    const code = fn('p.meta.tags.first = label;');
    const result = await shape(code, '= label', "Cannot set properties of undefined (setting 'first')", { p: { id: 2 }, label: 'x' }); // prettier-ignore
    expect(result.vars).toEqual({ p: { id: 2, meta: {} }, label: 'x' });
  });

  it('reads the Node 14 message and picks the access nearest the crash column', async () => {
    const code = fn('return p.x.name + p.a.b.name;');
    const result = await shape(code, 'name;', "Cannot read property 'name' of undefined", { p: { x: 'ok' } }); // prettier-ignore
    expect(result.vars).toEqual({ p: { x: 'ok', a: {} } });
  });

  it('changes nothing when the captured variables already have the proven shape', async () => {
    const code = fn('return p.address.street;');
    const vars = { p: { name: 'x' } };
    const result = await shape(code, 'street', "Cannot read properties of undefined (reading 'street')", vars); // prettier-ignore
    expect(result).toEqual({ vars, rebuilt: null });
  });

  it('keeps the captured variables when they contradict the crash or it proves nothing', async () => {
    const code = fn('return p.a.b.x;');
    const nullInObject = { p: { a: null } };
    const reading = "Cannot read properties of null (reading 'x')";
    expect(await shape(code, 'x;', reading, nullInObject)).toEqual({ vars: nullInObject, rebuilt: null });
    const opaque = { p: { a: '<Map(1)>' } };
    expect(await shape(code, 'x;', reading, opaque)).toEqual({ vars: opaque, rebuilt: null });
    const other = { p: {} };
    expect(await shape(code, 'x;', reading, other, 'RangeError')).toEqual({ vars: other, rebuilt: null });
    expect(await shape(code, 'x;', "Cannot read properties of null (reading 'y')", other)).toEqual({ vars: other, rebuilt: null }); // prettier-ignore
    const call = fn('return p.get().b.x;');
    expect(await shape(call, 'x;', reading, other)).toEqual({ vars: other, rebuilt: null });
  });

  it('rebuilds the same path in the callers that passed the value on, as the real SDK cut it there too', async () => {
    const code = [
      'function street({ customer }) {',
      '  return customer.address.geo.lat;',
      '}',
      'export function shipTo(order) {',
      '  return order.id + street(order);',
      '}',
      'export function label({ order: o }, n) {',
      "  return shipTo(o) + '/' + n;",
      '}',
    ].join('\n');
    const at = (fn: string, lineno: number, needle: string, vars: Record<string, unknown>) => {
      const colno = (code.split('\n')[lineno - 1] ?? '').indexOf(needle) + 1;
      return { filename: '/app/src/ship.js', function: fn, lineno, colno, in_app: true, vars };
    };
    // Outermost first, with the vars @sentry/node 11 sent for label({ order: { id: 1, customer: {…} } }, 2).
    const frames = [
      at('label', 8, 'shipTo(o)', { o: { id: 1 }, n: 2 }),
      at('shipTo', 5, 'street(', { order: { id: 1 } }),
      at('street', 2, 'lat', { customer: { name: 'Ada' } }),
    ];
    const value = "Cannot read properties of null (reading 'lat')";
    const error = capturedError({ exception: { values: [{ type: 'TypeError', value, stacktrace: { frames } }] } }); // prettier-ignore
    const files = { 'src/ship.js': code };
    const sites = await frameSites(
      error!,
      memoryRepoSnapshot(files),
      suffixFramePathMapper(Object.keys(files)),
    );
    const shaped = withCrashShape(sites, error!);
    expect(shaped.sites.map((site) => site.frame.vars)).toEqual([
      { customer: { name: 'Ada', address: { geo: null } } },
      { order: { id: 1, customer: { address: { geo: null } } } },
      { o: { id: 1, customer: { address: { geo: null } } }, n: 2 },
    ]);
    expect(shaped.rebuilt).toMatch(/^The crash proves customer\.address\.geo was null in street\(\)/);
  });

  it.each([['const c = order.customer;'], ['const { customer: c } = order;']])(
    'follows a const read from a parameter (%s) back to the parameter',
    async (declaration) => {
      const code = `export function f(order) {\n  ${declaration}\n  return c.address.geo.lat;\n}\n`;
      const vars = { order: { id: 1 }, c: { name: 'Ada' } };
      const result = await shape(code, 'lat', "Cannot read properties of null (reading 'lat')", vars);
      expect(result.vars).toEqual({
        order: { id: 1, customer: { address: { geo: null } } },
        c: { name: 'Ada', address: { geo: null } },
      });
    },
  );

  it('does not follow a let, which may have been reassigned', async () => {
    const code = 'export function f(order) {\n  let c = order.customer;\n  return c.address.geo.lat;\n}\n';
    const result = await shape(code, 'lat', "Cannot read properties of null (reading 'lat')", { order: { id: 1 }, c: {} }); // prettier-ignore
    expect(result.vars).toEqual({ order: { id: 1 }, c: { address: { geo: null } } });
  });
});
