import type { Activity } from '../api/types.ts';

/** Sentry activity types in words. */
export function describeActivity(activity: Activity): string {
  const data = activity.data ?? {};
  switch (activity.type) {
    case 'set_resolved':
    case 'set_resolved_in_release':
      return 'resolved the issue';
    case 'set_unresolved':
      return 'reopened the issue';
    case 'set_ignored':
    case 'set_archived':
      return data['ignoreCount']
        ? `ignored the issue until ${String(data['ignoreCount'])} more events`
        : data['ignoreDuration']
          ? `ignored the issue for ${String(data['ignoreDuration'])} minutes`
          : 'ignored the issue';
    case 'set_regression':
      return 'marked the issue as a regression';
    case 'first_seen':
      return 'first saw the issue';
    case 'assigned':
      return `assigned the issue to ${String(data['assigneeEmail'] ?? data['assigneeName'] ?? data['assignee'] ?? 'someone')}`;
    case 'unassigned':
      return 'unassigned the issue';
    case 'note':
      return 'commented';
    case 'merge':
      return 'merged issues into this one';
    case 'set_severity':
      return `set severity to ${String(data['severity'] ?? '?')}`;
    case 'set_error_class':
      return `set error class to ${String(data['errorClass'] ?? '?')}`;
    case 'set_resolved_in_commit':
      return 'resolved the issue in a commit';
    case 'set_escalating':
      return 'marked the issue as escalating';
    case 'unmerge_source':
    case 'unmerge_destination':
      return 'unmerged events';
    default:
      return activity.type.replace(/_/g, ' ');
  }
}
