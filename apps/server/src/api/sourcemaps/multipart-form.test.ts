import { describe, expect, it } from 'vitest';
import { multipartBoundary, parseMultipart } from './multipart-form.ts';

describe('parseMultipart', () => {
  it('reads file and text parts as a real client encodes them', async () => {
    const form = new FormData();
    form.append('name', '~/static/app.js');
    form.append('file', new Blob([Buffer.from([0, 1, 2, 13, 10, 45, 45, 255])]), 'abc123');
    form.append('header', 'Content-Type:application/javascript');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    const boundary = multipartBoundary(request.headers.get('content-type') ?? undefined);
    expect(boundary).not.toBeNull();
    const result = parseMultipart(body, boundary ?? '');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.parts.map((p) => [p.name, p.filename])).toEqual([
      ['name', null],
      ['file', 'abc123'],
      ['header', null],
    ]);
    expect(result.parts[0]?.data.toString()).toBe('~/static/app.js');
    expect([...(result.parts[1]?.data ?? [])]).toEqual([0, 1, 2, 13, 10, 45, 45, 255]);
    expect(result.parts[1]?.headers['content-type']).toBe('application/octet-stream');
  });

  it('finds boundaries (quoted or not) and rejects malformed bodies', () => {
    expect(multipartBoundary('multipart/form-data; boundary=----abc')).toBe('----abc');
    expect(multipartBoundary('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary(undefined)).toBeNull();
    expect(parseMultipart(Buffer.from('nothing here'), 'b').ok).toBe(false);
    expect(
      parseMultipart(Buffer.from('--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nvalue'), 'b'),
    ).toEqual({
      ok: false,
      error: 'unterminated multipart body',
    });
    expect(parseMultipart(Buffer.from('--b\r\nX: y\r\n\r\nv\r\n--b--'), 'b').ok).toBe(false);
    expect(parseMultipart(Buffer.from('--b--\r\n'), 'b')).toEqual({ ok: true, parts: [] });
  });
});
