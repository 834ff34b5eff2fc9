import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import { parseEnvelope } from './envelope-parser.ts';

const HEADER =
  '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","dsn":"https://e12d836b15bb49d7bbf99e64295d995b:@sentry.io/42"}';

function bytes(...parts: (string | Buffer)[]): Buffer {
  return Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)));
}

function parseError(body: Buffer): AppError {
  try {
    parseEnvelope(body);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected parseEnvelope to throw');
}

describe('parseEnvelope: Relay envelope/mod.rs cases', () => {
  it('test_deserialize_envelope_empty: header without trailing newline', () => {
    const envelope = parseEnvelope(bytes(HEADER));
    expect(envelope.headers['event_id']).toBe('9ec79c33ec9942ab8353589fcb2e04dc');
    expect(envelope.headers['dsn']).toBe('https://e12d836b15bb49d7bbf99e64295d995b:@sentry.io/42');
    expect(envelope.items).toEqual([]);
  });

  it('test_deserialize_envelope_empty_newline', () => {
    expect(parseEnvelope(bytes(HEADER, '\n')).items).toEqual([]);
  });

  it('test_deserialize_envelope_empty_item_newline', () => {
    const body = bytes(HEADER, '\n{"type":"attachment","length":0}\n\n{"type":"attachment","length":0}\n');
    const { items } = parseEnvelope(body);
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.payload.length)).toEqual([0, 0]);
  });

  it('test_deserialize_envelope_empty_item_eof', () => {
    const body = bytes(HEADER, '\n{"type":"attachment","length":0}\n\n{"type":"attachment","length":0}');
    const { items } = parseEnvelope(body);
    expect(items).toHaveLength(2);
    expect(items.map((i) => i.payload.length)).toEqual([0, 0]);
  });

  it('test_deserialize_envelope_implicit_length', () => {
    const { items } = parseEnvelope(bytes(HEADER, '\n{"type":"attachment"}\nhelloworld\n'));
    expect(items).toHaveLength(1);
    expect(items[0]!.payload.toString()).toBe('helloworld');
  });

  it('test_deserialize_envelope_implicit_length_eof', () => {
    const { items } = parseEnvelope(bytes(HEADER, '\n{"type":"attachment"}\nhelloworld'));
    expect(items).toHaveLength(1);
    expect(items[0]!.payload.toString()).toBe('helloworld');
  });

  it('test_deserialize_envelope_implicit_length_empty_eof: header as last line -> empty payload', () => {
    const { items } = parseEnvelope(bytes(HEADER, '\n{"type":"attachment"}'));
    expect(items).toHaveLength(1);
    expect(items[0]!.headers.type).toBe('attachment');
    expect(items[0]!.payload.length).toBe(0);
  });

  it('test_deserialize_envelope_multiple_items: BOM + CRLF attachment kept byte-exact', () => {
    const body = bytes(
      HEADER,
      '\n{"type":"attachment","length":10,"content_type":"text/plain","filename":"hello.txt"}\n',
      Buffer.from([0xef, 0xbb, 0xbf]),
      'Hello\r\n\n',
      '{"type":"event","length":41,"content_type":"application/json","filename":"application.log"}\n',
      '{"message":"hello world","level":"error"}\n',
    );
    const { items } = parseEnvelope(body);
    expect(items).toHaveLength(2);
    expect(items[0]!.headers).toEqual({
      type: 'attachment',
      length: 10,
      content_type: 'text/plain',
      filename: 'hello.txt',
    });
    expect(items[0]!.payload).toEqual(
      Buffer.from([0xef, 0xbb, 0xbf, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a]),
    );
    expect(items[1]!.headers.type).toBe('event');
    expect(items[1]!.headers['filename']).toBe('application.log');
    expect(items[1]!.payload.toString()).toBe('{"message":"hello world","level":"error"}');
  });

  it('test_deserialize_envelope_unknown_item: kept for the caller to skip', () => {
    const { items } = parseEnvelope(bytes(HEADER, '\n{"type":"invalid_unknown"}\nhelloworld\n'));
    expect(items).toHaveLength(1);
    expect(items[0]!.headers.type).toBe('invalid_unknown');
    expect(items[0]!.payload.length).toBe(10);
  });

  it('test_deserialize_envelope_replay_recording: implicit length', () => {
    const { items } = parseEnvelope(bytes(HEADER, '\n{"type":"replay_recording"}\nhelloworld\n'));
    expect(items[0]!.headers.type).toBe('replay_recording');
    expect(items[0]!.payload.toString()).toBe('helloworld');
  });

  it('replay_recording with binary payload containing newlines and NULs, delimited by length', () => {
    const binary = Buffer.from([0x78, 0x9c, 0x0a, 0x00, 0x0a, 0x0a, 0xff, 0x0d, 0x0a, 0x01]);
    const body = bytes(
      HEADER,
      `\n{"type":"replay_recording","length":${binary.length}}\n`,
      binary,
      '\n{"type":"replay_event"}\n{"replay_id":"x"}',
    );
    const { items } = parseEnvelope(body);
    expect(items.map((i) => i.headers.type)).toEqual(['replay_recording', 'replay_event']);
    expect(items[0]!.payload).toEqual(binary);
    expect(items[1]!.payload.toString()).toBe('{"replay_id":"x"}');
  });

  it('test_deserialize_envelope_view_hierarchy', () => {
    const body = bytes(
      HEADER,
      '\n{"type":"attachment","length":44,"content_type":"application/json","attachment_type":"event.view_hierarchy"}\n',
      '{"rendering_system":"compose","windows":[]}\n',
    );
    const { items } = parseEnvelope(body);
    expect(items[0]!.headers['attachment_type']).toBe('event.view_hierarchy');
    expect(JSON.parse(items[0]!.payload.toString())).toEqual({ rendering_system: 'compose', windows: [] });
  });
});

describe('parseEnvelope: SDK envelopes', () => {
  it('parses the @sentry/browser example from spec §3 exactly (no trailing newline)', () => {
    const envHeader =
      '{"event_id":"9ec79c33ec9942ab8353589fcb2e04dc","sent_at":"2024-05-01T10:00:00.000Z","sdk":{"name":"sentry.javascript.browser","version":"8.7.0"},"trace":{"environment":"production","public_key":"e12d836b15bb49d7bbf99e64295d995b","trace_id":"4c79f60c11214eb38604f4ae0781bfb2"}}';
    const event =
      '{"exception":{"values":[{"type":"Error","value":"boom"}]},"level":"error","event_id":"9ec79c33ec9942ab8353589fcb2e04dc","platform":"javascript","timestamp":1714557600.123}';
    const body = bytes(
      envHeader,
      '\n{"type":"event"}\n',
      event,
      '\n{"type":"attachment","length":10,"filename":"hello.txt","content_type":"text/plain"}\n',
      Buffer.from([0xef, 0xbb, 0xbf]),
      'Hello\r\n',
    );
    const envelope = parseEnvelope(body);
    expect(envelope.headers['sdk']).toEqual({ name: 'sentry.javascript.browser', version: '8.7.0' });
    expect(envelope.items).toHaveLength(2);
    expect(envelope.items[0]!.headers).toEqual({ type: 'event' });
    expect(envelope.items[0]!.payload.toString()).toBe(event);
    expect(envelope.items[1]!.payload.toString('latin1')).toBe('\xef\xbb\xbfHello\r\n');
  });

  it('parses a sentry-python envelope with length on every item and a trailing newline', () => {
    const event = '{"message":"hi","level":"info","platform":"python"}';
    const session = '{"sid":"abc","status":"ok","errors":0}';
    const body = bytes(
      '{"event_id":"abcdef0123456789abcdef0123456789","sent_at":"2024-05-01T10:00:00.000000Z"}\n',
      `{"type":"event","content_type":"application/json","length":${Buffer.byteLength(event)}}\n${event}\n`,
      `{"type":"session","content_type":"application/json","length":${Buffer.byteLength(session)}}\n${session}\n`,
    );
    const { items } = parseEnvelope(body);
    expect(items.map((i) => [i.headers.type, i.payload.toString()])).toEqual([
      ['event', event],
      ['session', session],
    ]);
  });

  it('counts length in bytes, not characters (multi-byte UTF-8)', () => {
    const payload = '{"message":"héllo 🎉"}';
    const body = bytes('{}\n', `{"type":"event","length":${Buffer.byteLength(payload)}}\n`, payload);
    expect(parseEnvelope(body).items[0]!.payload.toString()).toBe(payload);
  });

  it('keeps \\r in implicit-length payloads and tolerates whitespace before JSON headers', () => {
    const { headers, items } = parseEnvelope(bytes('  {"a":1}\n {"type":"event"}\r\n{"x":1}\r\n'));
    expect(headers).toEqual({ a: 1 });
    expect(items[0]!.payload.toString()).toBe('{"x":1}\r');
  });

  it('returns payloads as views into the body (no copy)', () => {
    const body = bytes('{}\n{"type":"event"}\n{"x":1}');
    const payload = parseEnvelope(body).items[0]!.payload;
    expect(payload.buffer).toBe(body.buffer);
    expect(payload.byteOffset).toBe(body.byteOffset + 20);
  });
});

describe('parseEnvelope: malformed input', () => {
  it('rejects an empty body', () => {
    const error = parseError(Buffer.alloc(0));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toBe('empty envelope: missing envelope header');
  });

  it('rejects a length that runs past the end of the body', () => {
    const error = parseError(bytes('{}\n{"type":"attachment","length":100}\nshort'));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toBe(
      "unexpected end of file: item 0 ('attachment') declares length 100 but only 5 bytes remain",
    );
  });

  it('rejects garbage right after a length-delimited payload', () => {
    const error = parseError(bytes('{}\n{"type":"attachment","length":5}\nhelloXX\n'));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toBe("missing newline after payload of item 0 ('attachment') at byte 41");
  });

  it('rejects a non-object envelope header', () => {
    for (const header of ['[1,2]', 'null', '"x"', '42']) {
      const error = parseError(bytes(header, '\n'));
      expect(error.code).toBe('invalid_payload');
      expect(error.message).toBe('invalid envelope header at byte 0: not a JSON object');
    }
  });

  it('rejects an envelope header that is not JSON', () => {
    const error = parseError(bytes('{"event_id":\n'));
    expect(error.message).toMatch(/^invalid envelope header at byte 0: /);
  });

  it('rejects an item header without type', () => {
    const error = parseError(bytes('{}\n{"length":2}\n{}\n'));
    expect(error.code).toBe('invalid_payload');
    expect(error.message).toBe("invalid item header of item 0: missing 'type'");
  });

  it('rejects a non-object item header and a bad length', () => {
    expect(parseError(bytes('{}\n{"type":"event"}\n{}\n[1]\n')).message).toBe(
      'invalid item header of item 1 at byte 23: not a JSON object',
    );
    expect(parseError(bytes('{}\n{"type":"event","length":-1}\n')).message).toBe(
      "invalid item header of item 0: 'length' must be a non-negative integer",
    );
    expect(parseError(bytes('{}\n{"type":"event","length":"3"}\nabc')).message).toBe(
      "invalid item header of item 0: 'length' must be a non-negative integer",
    );
  });
});
