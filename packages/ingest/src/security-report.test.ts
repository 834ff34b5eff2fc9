import { describe, expect, it } from 'vitest';
import { AppError } from '@fixloop/core';
import { securityReportToEvents } from './security-report.ts';

const QUERY = {
  sentry_key: 'e12d836b15bb49d7bbf99e64295d995b',
  sentry_release: '01d5c3165d9fbc5c8bdcf9550a1d6793a80fc02b',
  sentry_environment: 'production',
};

// Body Chrome posts to a `report-uri` (Relay fixture tests/integration/fixtures/security_report/csp_chrome.input.json).
const CHROME_CSP_REPORT = JSON.parse(`{
  "csp-report": {
    "document-uri": "http://localhost:8000/",
    "referrer": "",
    "violated-directive": "style-src cdn.example.com",
    "effective-directive": "style-src",
    "effective-directive_full": "style-src",
    "original-policy": "default-src 'none'; style-src cdn.example.com; report-uri http://requestb.in/1im8m061",
    "blocked-uri": "http://localhost:8000/lol.css",
    "status-code": 200
  }
}`) as unknown;

// What Chrome posts as `application/reports+json` for a `report-to` endpoint: a batch of mixed report types.
const REPORTS_JSON = JSON.parse(`[
  {"age": 53531, "type": "csp-violation", "url": "https://shop.example.com/checkout",
   "user_agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36",
   "body": {"blockedURL": "https://evil.com/x.js?id=1", "columnNumber": 39, "disposition": "enforce",
            "documentURL": "https://shop.example.com/checkout", "effectiveDirective": "script-src-elem",
            "lineNumber": 121, "originalPolicy": "script-src 'self'; report-to csp", "referrer": "https://www.google.com/",
            "sample": "", "sourceFile": "https://shop.example.com/app.js", "statusCode": 200}},
  {"age": 10, "type": "deprecation", "url": "https://shop.example.com/", "body": {"id": "x", "message": "old API"}},
  {"age": 12, "type": "csp-violation", "url": "https://shop.example.com/",
   "body": {"blockedURL": "eval", "documentURL": "https://shop.example.com/", "effectiveDirective": "script-src",
            "disposition": "report", "statusCode": 0}}
]`) as unknown;

describe('securityReportToEvents: CSP', () => {
  it('turns a Chrome report-uri body into the event Sentry builds (Relay csp_chrome fixture)', () => {
    expect(securityReportToEvents(CHROME_CSP_REPORT, QUERY)).toEqual([
      {
        type: 'csp',
        csp: {
          blocked_uri: 'http://localhost:8000/lol.css',
          document_uri: 'http://localhost:8000/',
          effective_directive: 'style-src',
          'effective-directive_full': 'style-src',
          original_policy:
            "default-src 'none'; style-src cdn.example.com; report-uri http://requestb.in/1im8m061",
          referrer: '',
          status_code: 200,
          violated_directive: 'style-src cdn.example.com',
        },
        culprit: 'style-src cdn.example.com',
        environment: 'production',
        logentry: { formatted: "Blocked 'style' from 'localhost:8000'" },
        release: '01d5c3165d9fbc5c8bdcf9550a1d6793a80fc02b',
        request: { url: 'http://localhost:8000/' },
        tags: [
          ['effective-directive', 'style-src'],
          ['blocked-uri', 'http://localhost:8000/lol.css'],
          ['blocked-host', 'localhost'],
        ],
      },
    ]);
  });

  it('splits a reports+json batch, one event per csp-violation, skipping other report types', () => {
    const events = securityReportToEvents(REPORTS_JSON, {});
    expect(events).toHaveLength(2);
    const [first, second] = events;
    expect(first).toMatchObject({
      type: 'csp',
      logentry: { formatted: "Blocked 'script' from 'evil.com'" },
      culprit: '',
      request: {
        url: 'https://shop.example.com/checkout',
        headers: [
          ['Referer', 'https://www.google.com/'],
          ['User-Agent', expect.stringContaining('Chrome/127') as unknown],
        ],
      },
      tags: [
        ['effective-directive', 'script-src-elem'],
        ['blocked-uri', 'https://evil.com/x.js?id=1'],
        ['blocked-host', 'evil.com'],
      ],
      csp: {
        line_number: 121,
        column_number: 39,
        source_file: 'https://shop.example.com/app.js',
        script_sample: '',
      },
    });
    expect(first).not.toHaveProperty('release');
    expect(second!['logentry']).toEqual({ formatted: "Blocked unsafe eval() 'script'" });
  });

  it('Firefox style: no effective-directive, directive from violated-directive, origin folded to self', () => {
    const [event] = securityReportToEvents(
      {
        'csp-report': {
          'document-uri': 'http://example.com/foo',
          'violated-directive': 'style-src http://example2.com http://example.com',
          'blocked-uri': 'data',
        },
      },
      {},
    );
    expect(event!['culprit']).toBe("style-src http://example2.com 'self'");
    expect(event!['logentry']).toEqual({ formatted: "Blocked 'style' from 'data:'" });
    expect((event!['csp'] as Record<string, unknown>)['effective_directive']).toBe('style-src');
  });

  it('inline / missing blocked-uri messages and the Stripe query-string scrub', () => {
    const inline = securityReportToEvents(
      { 'csp-report': { 'effective-directive': 'img-src', 'blocked-uri': '' } },
      {},
    );
    expect(inline[0]!['logentry']).toEqual({ formatted: "Blocked inline 'image'" });
    const stripe = securityReportToEvents(
      {
        'csp-report': {
          'document-uri': 'https://example.com',
          'blocked-uri': 'https://api.stripe.com/v1/tokens?card[number]=xxx',
          'effective-directive': 'script-src',
        },
      },
      {},
    );
    expect(stripe[0]!['tags']).toContainEqual(['blocked-uri', 'https://api.stripe.com/v1/tokens']);
  });
});

describe('securityReportToEvents: certificate reports', () => {
  it('Expect-CT (Relay expect_ct fixture)', () => {
    const [event] = securityReportToEvents(
      {
        'expect-ct-report': {
          'date-time': '2014-04-06T13:00:50Z',
          hostname: 'www.example.com',
          port: 443,
          'served-certificate-chain': ['-----BEGIN CERTIFICATE-----\nABC\n-----END CERTIFICATE-----'],
          scts: [{ version: 1, status: 'invalid', source: 'embedded', serialized_sct: 'ABCD==' }],
        },
      },
      QUERY,
    );
    expect(event).toMatchObject({
      type: 'expectct',
      logger: 'csp',
      culprit: 'www.example.com',
      logentry: { formatted: "Expect-CT failed for 'www.example.com'" },
      request: { url: 'www.example.com' },
      tags: [
        ['hostname', 'www.example.com'],
        ['port', '443'],
      ],
      expectct: {
        date_time: '2014-04-06T13:00:50Z',
        hostname: 'www.example.com',
        served_certificate_chain: [expect.any(String)],
      },
      release: QUERY.sentry_release,
    });
  });

  it('HPKP (Relay hpkp fixture)', () => {
    const [event] = securityReportToEvents(
      {
        'date-time': '2014-04-06T13:00:50Z',
        hostname: 'www.example.com',
        port: 443,
        'include-subdomains': false,
        'known-pins': ['pin-sha256="d6qzRu9zOECb90Uez27xWltNsj0e1Md7GkYYkVoZWmM="'],
      },
      {},
    );
    expect(event).toMatchObject({
      type: 'hpkp',
      logentry: { formatted: "Public key pinning validation failed for 'www.example.com'" },
      tags: [
        ['hostname', 'www.example.com'],
        ['port', '443'],
        ['include-subdomains', 'false'],
      ],
      hpkp: { include_subdomains: false, known_pins: [expect.any(String)] },
    });
  });
});

describe('securityReportToEvents: invalid reports', () => {
  it.each([
    [null, 'invalid security report: not a JSON object'],
    ['csp', 'invalid security report: not a JSON object'],
    [{ foo: 1 }, 'invalid security report: unknown report format'],
    [{ 'csp-report': { 'blocked-uri': 'x' } }, 'invalid security report: no known CSP directive'],
    [{ type: 'csp-violation' }, "invalid security report: csp-violation without 'body'"],
    [{ 'expect-ct-report': { port: 443 } }, 'invalid security report: Expect-CT report without hostname'],
    [[{ type: 'csp-violation', body: {} }, 7], 'invalid security report: no known CSP directive'],
  ])('%j', (body, message) => {
    let caught: unknown;
    try {
      securityReportToEvents(body, {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('invalid_payload');
    expect((caught as AppError).message).toBe(message);
  });
});
