import type { AlertIssueSummary, AlertMessage, AlertPipelineDetails } from './alert-message.ts';
import { scrubAlertText } from './scrub-alert-text.ts';

export const STACK_EXCERPT_LIMIT = 500;
/** Titles longer than this are cut: chat clients truncate anyway and some APIs reject long headers. */
export const TITLE_LIMIT = 250;

/** Cuts text to at most `limit` characters (ellipsis included), preferring a line break as the cut. */
export function trimText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const room = text.slice(0, limit - 1);
  const lineEnd = room.lastIndexOf('\n');
  return `${lineEnd > limit / 2 ? room.slice(0, lineEnd) : room}…`;
}

const clean = (text: string, limit = 2000): string => trimText(scrubAlertText(text), limit);
const cleanOrNull = (text: string | null, limit?: number): string | null =>
  text === null ? null : clean(text, limit);

function sanitizeIssue(issue: AlertIssueSummary): AlertIssueSummary {
  return {
    ...issue,
    title: clean(issue.title, TITLE_LIMIT),
    culprit: clean(issue.culprit, TITLE_LIMIT),
    location: cleanOrNull(issue.location, TITLE_LIMIT),
    stackExcerpt: cleanOrNull(issue.stackExcerpt, STACK_EXCERPT_LIMIT),
  };
}

function sanitizePipeline(pipeline: AlertPipelineDetails): AlertPipelineDetails {
  return {
    ...pipeline,
    rootCause: cleanOrNull(pipeline.rootCause),
    relatedFiles: pipeline.relatedFiles.slice(0, 20).map((file) => clean(file, 300)),
  };
}

/**
 * Every notifier formats from the result of this, never from the raw message: PII is scrubbed from every
 * free-text field and the stack excerpt is at most STACK_EXCERPT_LIMIT characters.
 */
export function sanitizeAlertMessage(message: AlertMessage): AlertMessage {
  return {
    ...message,
    ruleName: cleanOrNull(message.ruleName, TITLE_LIMIT),
    issue: message.issue && sanitizeIssue(message.issue),
    pipeline: message.pipeline && sanitizePipeline(message.pipeline),
    digest: message.digest && {
      ...message.digest,
      items: message.digest.items.map((item) => ({ ...item, title: clean(item.title, TITLE_LIMIT) })),
    },
  };
}
