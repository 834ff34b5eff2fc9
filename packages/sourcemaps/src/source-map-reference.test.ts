import { describe, expect, it } from 'vitest';
import { debugIdComment, decodeDataUrl, sourceMapReference } from './source-map-reference.ts';

describe('sourceMapReference', () => {
  it('prefers the Sourcemap header, then the last sourceMappingURL comment', () => {
    const code = 'a();\n//# sourceMappingURL=old.js.map\nb();\n//# sourceMappingURL=app.js.map\n';
    expect(sourceMapReference({ sourcemap: 'hdr.map' }, code)).toBe('hdr.map');
    expect(sourceMapReference({ 'x-sourcemap': 'x.map' }, code)).toBe('x.map');
    expect(sourceMapReference({}, code)).toBe('app.js.map');
    expect(sourceMapReference({}, 'a();\n//@ sourceMappingURL=legacy.map')).toBe('legacy.map');
    expect(sourceMapReference({}, 'a();')).toBeNull();
    expect(sourceMapReference({}, null)).toBeNull();
  });

  it('finds the injected debug id and decodes inline maps', () => {
    expect(debugIdComment('x();\n//# debugId=7e8be53c-1f6d-5bde-a2df-21a9a022d0b9\n')).toBe(
      '7e8be53c-1f6d-5bde-a2df-21a9a022d0b9',
    );
    const map = '{"version":3}';
    expect(decodeDataUrl(`data:application/json;base64,${Buffer.from(map).toString('base64')}`)).toBe(map);
    expect(decodeDataUrl(`data:application/json,${encodeURIComponent(map)}`)).toBe(map);
    expect(decodeDataUrl('app.js.map')).toBeNull();
  });
});
