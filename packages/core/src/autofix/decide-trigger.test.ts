import { describe, expect, it } from 'vitest';
import { decideTrigger } from './decide-trigger.ts';
import { triggerWindows, type TriggerRule } from './trigger-rule.ts';
import type { Severity } from '../events/event-types.ts';

function issue(severity: Severity, extra: { status?: 'unresolved' | 'resolved' | 'ignored' } = {}) {
  return { severity, severityOverride: null, status: extra.status ?? 'unresolved', timesSeen: 1 } as const;
}

describe('decideTrigger with the seed defaults', () => {
  it('attempts a blocking issue on its first occurrence', () => {
    const decision = decideTrigger(issue('blocking'), {}, []);
    expect(decision).toMatchObject({ investigate: true, attemptFix: true });
  });

  it('attempts an annoying issue only at 10 events within 60 minutes', () => {
    expect(decideTrigger(issue('annoying'), { 60: 9 }, []).attemptFix).toBe(false);
    expect(decideTrigger(issue('annoying'), { 60: 9 }, []).investigate).toBe(true);
    const reached = decideTrigger(issue('annoying'), { 60: 10 }, []);
    expect(reached.attemptFix).toBe(true);
    expect(reached.reason).toBe('annoying: 10/10 events within 60 min');
  });

  it('only investigates warnings and only records info', () => {
    expect(decideTrigger(issue('warning'), { 60: 500 }, [])).toMatchObject({
      investigate: true,
      attemptFix: false,
    });
    expect(decideTrigger(issue('info'), { 60: 500 }, [])).toMatchObject({
      investigate: false,
      attemptFix: false,
    });
  });

  it('uses the severity override', () => {
    const overridden = { ...issue('info'), severityOverride: 'blocking' as const };
    expect(decideTrigger(overridden, {}, []).attemptFix).toBe(true);
  });

  it('never acts on ignored or resolved issues', () => {
    expect(decideTrigger(issue('blocking', { status: 'ignored' }), {}, []).investigate).toBe(false);
    expect(decideTrigger(issue('blocking', { status: 'resolved' }), {}, []).attemptFix).toBe(false);
  });
});

describe('decideTrigger with project rules', () => {
  const rules: TriggerRule[] = [
    { severity: 'annoying', action: 'attempt_fix', minEvents: 3, windowMinutes: 15 },
    { severity: 'blocking', action: 'investigate' },
  ];

  it('uses the configured threshold and window', () => {
    expect(decideTrigger(issue('annoying'), { 15: 3, 60: 0 }, rules).attemptFix).toBe(true);
    expect(decideTrigger(issue('annoying'), { 15: 2, 60: 50 }, rules).attemptFix).toBe(false);
  });

  it('lets a project turn attempts off for a severity', () => {
    expect(decideTrigger(issue('blocking'), {}, rules)).toMatchObject({
      investigate: true,
      attemptFix: false,
    });
  });

  it('names the windows a caller must count', () => {
    expect(triggerWindows(rules)).toEqual([15, 60]);
  });
});
