export { normalizeEvent, type NormalizeOptions } from './normalize-event.ts';
export { classifyIssue } from './classify-issue.ts';
export { buildTimeline } from './build-timeline.ts';
export { userReportFromFeedback, userReportFromLegacy } from './user-report.ts';
export { scrubPii } from './pii-scrubber.ts';
