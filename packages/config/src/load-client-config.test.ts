import { describe, expect, it } from 'vitest';
import { loadClientConfig } from './load-client-config.ts';

describe('loadClientConfig', () => {
  it('reads FIXLOOP_URL and FIXLOOP_TOKEN', () => {
    expect(
      loadClientConfig({ FIXLOOP_URL: 'https://fixloop.example.com', FIXLOOP_TOKEN: 'fxl_abc' }),
    ).toEqual({
      url: 'https://fixloop.example.com',
      token: 'fxl_abc',
    });
  });

  it('defaults the URL to the local server and falls back to the admin token', () => {
    expect(loadClientConfig({ PORT: '9000', FIXLOOP_ADMIN_TOKEN: 'admin-token-0123456789' })).toEqual({
      url: 'http://localhost:9000',
      token: 'admin-token-0123456789',
    });
  });

  it('names the bad or missing key', () => {
    expect(() => loadClientConfig({ FIXLOOP_URL: 'not a url', FIXLOOP_TOKEN: 't' })).toThrow(
      /^FIXLOOP_URL: must be an absolute URL/,
    );
    expect(() => loadClientConfig({})).toThrow(/^FIXLOOP_TOKEN: required/);
  });
});
