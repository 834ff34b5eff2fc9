import type { CronExpression } from './cron-expression.ts';
import { nextCronSlot } from './next-cron-slot.ts';

const MAX_SLOTS = 1000;
const DAY_MS = 24 * 60 * 60_000;

/** The cron slots in (after, until], oldest first (at most 1000). */
export function cronSlotsBetween(cron: CronExpression, after: Date, until: Date): Date[] {
  const slots: Date[] = [];
  let slot = nextCronSlot(cron, after);
  while (slot !== null && slot.getTime() <= until.getTime() && slots.length < MAX_SLOTS) {
    slots.push(slot);
    slot = nextCronSlot(cron, slot);
  }
  return slots;
}

/**
 * How far back a report at `slot` looks: up to the next slot's distance (a `*\/10` check covers ten
 * minutes), at most one day, so an irregular schedule never reads unbounded history.
 */
export function cronWindowMs(cron: CronExpression, slot: Date): number {
  const next = nextCronSlot(cron, slot);
  if (next === null) return DAY_MS;
  return Math.min(DAY_MS, next.getTime() - slot.getTime());
}
