// Worker entry when running from TypeScript sources (tests, `fixloop` without a bundle): a worker thread
// does not inherit the parent's tsx loader, so register it here before loading the real worker.
import { register } from 'tsx/esm/api';

register();
await import('./event-processor-worker.ts');
