import type { SentryEvent } from '@fixloop/core';
import { GroupingComponent } from './grouping-component.ts';
import { chainedExceptionVariants } from './exception-component.ts';
import type { EventInterfaces, ThreadData } from './event-interfaces.ts';
import { readLogEntry } from './event-shape.ts';
import { normalizeMessageForGrouping } from './message-parameterization.ts';
import { securityComponents } from './security-component.ts';
import { removeNonStacktraceVariants, stacktraceVariants, type Variants } from './stacktrace-component.ts';
import type { EnhancementRule } from './enhancement-rules.ts';

function threadsVariants(
  threads: ThreadData[],
  platform: string,
  rules: readonly EnhancementRule[],
): Variants {
  const pick = [threads.filter((t) => t.crashed), threads.filter((t) => t.current), threads].find(
    (list) => list.length === 1,
  );
  const frames = pick?.[0]?.frames;
  if (!pick || !frames) return new Map([['app', new GroupingComponent('threads').setContributes(false)]]);
  const variants: Variants = new Map();
  for (const [name, stacktrace] of stacktraceVariants({ frames, eventPlatform: platform, rules })) {
    variants.set(name, new GroupingComponent('threads', [stacktrace]));
  }
  return removeNonStacktraceVariants(variants);
}

function sameLeaves(a: GroupingComponent, b: GroupingComponent): boolean {
  return a.collectText() === b.collectText();
}

/** Sentry keeps the app variant when app and system hash alike. */
function dropDuplicateSystem(variants: Variants): Variants {
  const app = variants.get('app');
  const system = variants.get('system');
  // Equal leaf strings are what makes equal hashes; comparing them saves two md5 runs per event.
  if (app?.contributes && system?.contributes && sameLeaves(app, system)) {
    system.setContributes(false, 'hash matches app variant');
  }
  return variants;
}

function strategyResults(
  event: SentryEvent,
  ifaces: EventInterfaces,
  rules: readonly EnhancementRule[],
): Variants[] {
  const results: Variants[] = [];
  const { platform } = ifaces;
  if (ifaces.exceptions) results.push(chainedExceptionVariants(ifaces.exceptions, platform, rules));
  if (ifaces.threads) results.push(threadsVariants(ifaces.threads, platform, rules));
  if (ifaces.stacktrace)
    results.push(stacktraceVariants({ frames: ifaces.stacktrace, eventPlatform: platform, rules }));
  for (const component of securityComponents(event)) results.push(new Map([['default', component]]));
  const logEntry = readLogEntry(event);
  if (logEntry) {
    const raw = logEntry.message ?? logEntry.formatted ?? '';
    const normalized = normalizeMessageForGrouping(raw);
    results.push(new Map([['default', new GroupingComponent('message', [normalized])]]));
  }
  return results.map(dropDuplicateSystem);
}

/**
 * Runs the strategies in Sentry's score order; the first one that contributes anywhere wins and all
 * later contributing components are switched off. Returns one root component per variant name.
 */
export function strategyVariants(
  event: SentryEvent,
  ifaces: EventInterfaces,
  rules: readonly EnhancementRule[],
) {
  const roots = new Map<string, GroupingComponent>();
  let winner: Variants | undefined;
  for (const variants of strategyResults(event, ifaces, rules)) {
    for (const [name, component] of variants) {
      if (component.contributes) {
        if (!winner) winner = variants;
        else if (winner !== variants) component.setContributes(false, 'other strategy takes precedence');
      }
      const root = roots.get(name) ?? new GroupingComponent(name);
      root.values.push(component);
      roots.set(name, root);
    }
  }
  return roots;
}
