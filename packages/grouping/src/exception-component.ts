import { GroupingComponent, leaf } from './grouping-component.ts';
import { normalizeMessageForGrouping } from './message-parameterization.ts';
import { stacktraceVariants, type Variants } from './stacktrace-component.ts';
import type { EnhancementRule } from './enhancement-rules.ts';
import type { StackFrame } from './stack-frame.ts';
import { filterExceptionGroups } from './exception-group-filter.ts';
import { removeNonStacktraceVariants } from './stacktrace-component.ts';

export interface ExceptionData {
  type?: string;
  value?: string;
  mechanismType?: string;
  synthetic: boolean;
  nsError?: [string, string];
  exceptionId?: number;
  parentId?: number;
  isExceptionGroup: boolean;
  /** null when the exception has no stacktrace at all. */
  frames: StackFrame[] | null;
}

function valueComponent(
  exception: ExceptionData,
  normalized: string | undefined,
  stacktraceContributes: boolean,
  nsError: boolean,
) {
  const component = new GroupingComponent('value');
  if (exception.value !== undefined && normalized !== undefined) {
    if (normalized) {
      component.values = [normalized];
      if (normalized !== exception.value) component.hint = 'stripped event-specific values';
    }
  }
  if (component.contributes && (stacktraceContributes || nsError))
    component.setContributes(false, 'precedence');
  return component;
}

/** Sentry's `single-exception` strategy: [stacktrace, type, (ns-error), value] per variant. */
export function exceptionVariants(
  exception: ExceptionData,
  eventPlatform: string,
  rules: readonly EnhancementRule[],
): Variants {
  const stacktraces: Variants =
    exception.frames === null
      ? new Map([['app', new GroupingComponent('stacktrace')]])
      : stacktraceVariants({
          frames: exception.frames,
          eventPlatform,
          rules,
          exception: { type: exception.type, value: exception.value, mechanism: exception.mechanismType },
        });
  const normalized = exception.value === undefined ? undefined : normalizeMessageForGrouping(exception.value);
  const variants: Variants = new Map();
  for (const [name, stacktrace] of stacktraces) {
    const type = leaf('type', exception.type);
    if (exception.synthetic) type.setContributes(false, 'synthetic');
    const values = [stacktrace, type];
    const nsError = exception.nsError ? new GroupingComponent('ns-error', [...exception.nsError]) : null;
    if (nsError) values.push(nsError);
    values.push(valueComponent(exception, normalized, stacktrace.contributes, nsError?.contributes ?? false));
    variants.set(name, new GroupingComponent('exception', values));
  }
  return variants;
}

/** Sentry's `chained-exception` strategy, with RFC 0079 exception-group filtering. */
export function chainedExceptionVariants(
  exceptions: ExceptionData[],
  eventPlatform: string,
  rules: readonly EnhancementRule[],
): Variants {
  const components = new Map(exceptions.map((e) => [e, exceptionVariants(e, eventPlatform, rules)]));
  const kept = filterExceptionGroups(exceptions, components);
  if (kept.length === 1)
    return removeNonStacktraceVariants(components.get(kept[0] as ExceptionData) as Variants);
  const byName = new Map<string, GroupingComponent[]>();
  for (const exception of kept) {
    for (const [name, component] of components.get(exception) as Variants) {
      const list = byName.get(name) ?? [];
      list.push(component);
      byName.set(name, list);
    }
  }
  const variants: Variants = new Map();
  for (const [name, list] of byName) variants.set(name, new GroupingComponent('chained-exception', list));
  return removeNonStacktraceVariants(variants);
}
