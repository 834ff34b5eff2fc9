const DAY_MS = 86_400_000;

/**
 * The instant before which something received is past a retention of `days` days. One rule for the
 * retention job that deletes and for the readers that must not show what it is about to delete.
 */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
