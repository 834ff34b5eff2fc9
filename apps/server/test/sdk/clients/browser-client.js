// A tiny web app instrumented with the real, unmodified @sentry/browser SDK (bundled by the test).
import * as Sentry from '@sentry/browser';

window.__sentEventIds = [];
Sentry.init({
  dsn: window.FIXLOOP_DSN,
  release: 'web@2.0.0',
  environment: 'production',
  beforeSend(event) {
    window.__sentEventIds.push(event.event_id);
    return event;
  },
});
Sentry.setUser({ id: 'visitor-7' });

document.getElementById('buy').addEventListener('click', async () => {
  console.warn('buy clicked');
  const response = await fetch('/api/price?sku=1');
  if (!response.ok) Sentry.captureException(new Error(`price lookup failed with ${response.status}`));
});

document.getElementById('crash').addEventListener('click', () => {
  const order = null;
  return order.total;
});
