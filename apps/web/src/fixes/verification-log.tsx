import { CheckCircle2, XCircle } from 'lucide-react';
import type { VerificationStep } from '../api/types.ts';
import { formatDuration } from '../format/format-duration.ts';

const PHASE = { before: 'Before the fix', after: 'After the fix' };

/**
 * The proof: the generated test run before the fix (expected to fail) and after it (expected to pass),
 * with each run's output.
 */
export function VerificationLog({ steps }: { steps: VerificationStep[] }) {
  if (steps.length === 0)
    return <p className="text-[13px] text-subtle">The fix has not been verified yet.</p>;
  return (
    <ol className="flex flex-col gap-3" aria-label="Verification log">
      {steps.map((step, index) => {
        const expected = step.phase === 'before' ? !step.passed : step.passed;
        return (
          <li key={index} className="overflow-hidden rounded-md border border-line">
            <div className="flex items-center gap-2 bg-raised px-3 py-1.5 text-[13px]">
              {step.passed ? (
                <CheckCircle2 size={15} className="text-ok" aria-hidden />
              ) : (
                <XCircle size={15} className="text-danger" aria-hidden />
              )}
              <span className="font-medium">{PHASE[step.phase]}</span>
              <span className="text-muted">· test {step.passed ? 'passed' : 'failed'}</span>
              {!expected && <span className="text-xs font-medium text-danger">(unexpected)</span>}
              <span className="ml-auto text-xs text-subtle tabular-nums">
                {formatDuration(step.durationMs)}
              </span>
            </div>
            {step.command && (
              <div className="border-t border-line px-3 py-1 font-mono text-xs text-muted">
                $ {step.command}
              </div>
            )}
            {/* Focusable, so keyboard users can scroll a long log. */}
            <pre
              tabIndex={0}
              role="region"
              aria-label={`Output ${PHASE[step.phase].toLowerCase()}`}
              className="max-h-64 overflow-auto border-t border-line bg-code px-3 py-2 font-mono text-[11.5px] whitespace-pre-wrap"
            >
              {step.output}
            </pre>
          </li>
        );
      })}
    </ol>
  );
}
