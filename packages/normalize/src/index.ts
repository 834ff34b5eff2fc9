export { normalizeEvent, type NormalizeOptions } from './normalize-event.ts';
export { scrubPii } from './pii-scrubber.ts';
