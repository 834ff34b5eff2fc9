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

// The same bug twice: one issue, two events.
report('handled', checkout({}));
report('handled', checkout({ items: [] }));

// A parameterized message: two different values, one issue (grouped on the template).
report(
  'message',
  Sentry.captureMessage(Sentry.parameterize`Payment ${'p-1001'} declined by ${'visa'}`, 'warning'),
);
report(
  'message',
  Sentry.captureMessage(Sentry.parameterize`Payment ${'p-2002'} declined by ${'amex'}`, 'warning'),
);

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
