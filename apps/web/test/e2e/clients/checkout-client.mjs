// A small service instrumented with the real, unmodified @sentry/node SDK: a user clicks "pay", the
// payment backend (a real local HTTP server) answers 502, and the code throws. Prints {"eventId"}.
import http from 'node:http';
import * as Sentry from '@sentry/node';

const nonce = process.env.E2E_NONCE ?? 'e2e';
Sentry.init({
  dsn: process.env.SENTRY_DSN,
  release: 'shop@2.0.0',
  environment: 'e2e',
  sendDefaultPii: false,
});

const backend = http.createServer((_request, response) => {
  response.writeHead(502, { 'Content-Type': 'text/plain' });
  response.end('bad gateway');
});
await new Promise((resolve) => backend.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${backend.address().port}/api/pay`;

Sentry.setUser({ id: 'user-7', email: 'e2e@example.com' });
Sentry.setTag('feature', 'checkout');
Sentry.addBreadcrumb({
  category: 'navigation',
  message: '/cart -> /checkout',
  data: { from: '/cart', to: '/checkout' },
});
Sentry.addBreadcrumb({ category: 'ui.click', message: 'button#pay', level: 'info' });
Sentry.addBreadcrumb({ category: 'console', message: `paying order ${nonce}`, level: 'info' });
const started = Date.now() / 1000;
const response = await globalThis.fetch(url, { method: 'POST', body: '{"amount":42}' });
Sentry.addBreadcrumb({
  type: 'http',
  category: 'fetch',
  level: 'error',
  data: {
    method: 'POST',
    url,
    status_code: response.status,
    start_timestamp: started,
    end_timestamp: Date.now() / 1000,
  },
});

function chargeCard(status) {
  throw new TypeError(`payment gateway answered ${status} for order ${nonce}`);
}

let eventId;
try {
  chargeCard(response.status);
} catch (error) {
  eventId = Sentry.captureException(error);
}
await Sentry.flush(5000);
backend.close();
process.stdout.write(`${JSON.stringify({ eventId })}\n`);
