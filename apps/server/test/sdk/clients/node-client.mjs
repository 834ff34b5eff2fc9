// A small service instrumented with the real, unmodified @sentry/node SDK. It reports what it sent on
// stdout as JSON lines so the test can look each event up in Fixloop's storage.
import * as Sentry from '@sentry/node';

const report = (kind, eventId) => process.stdout.write(`${JSON.stringify({ kind, eventId })}\n`);

Sentry.init({
  dsn: process.env.SENTRY_DSN,
  release: 'shop@1.4.2',
  environment: 'staging',
  sendDefaultPii: false,
  beforeSend(event, hint) {
    if (
      hint.originalException instanceof Error &&
      hint.originalException.message === 'unhandled checkout crash'
    ) {
      report('unhandled', event.event_id);
    }
    return event;
  },
});

Sentry.setUser({ id: 'user-42', email: 'ada@example.com' });
Sentry.setTag('feature', 'checkout');
Sentry.addBreadcrumb({ category: 'cart', message: 'added item sku-1', level: 'info' });

function applyCoupon(cart) {
  return cart.coupon.code.toUpperCase();
}

function checkout(cart) {
  try {
    applyCoupon(cart);
  } catch (error) {
    return Sentry.captureException(error);
  }
  return null;
}

// The same bug twice, from the same call site: one issue, two events. The values differ (undefined vs
// null) because the SDK's Dedupe integration drops an exact repeat. Sentry counts context lines,
// so calls from two different source lines would rightly be two issues.
for (const cart of [{}, { coupon: null }]) report('handled', checkout(cart));

// A parameterized message from one call site with different values: one issue. @sentry/node 11 sends it
// as a logentry template plus a synthetic exception carrying the stack trace.
for (const [payment, card] of [
  ['p-1001', 'visa'],
  ['p-2002', 'amex'],
]) {
  report(
    'message',
    Sentry.captureMessage(Sentry.parameterize`Payment ${payment} declined by ${card}`, 'warning'),
  );
}

// A payload over the SDK's 32 KiB gzip threshold.
Sentry.withScope((scope) => {
  scope.setExtra(
    'cart_snapshot',
    Array.from({ length: 900 }, (_, i) => `line-${i}-${'x'.repeat(40)}`),
  );
  report('large', Sentry.captureException(new RangeError('cart too large to price')));
});

await Sentry.flush(5000);

// Unhandled: the SDK's onUncaughtException integration captures, flushes and exits with code 1.
setTimeout(() => {
  throw new Error('unhandled checkout crash');
}, 10);
