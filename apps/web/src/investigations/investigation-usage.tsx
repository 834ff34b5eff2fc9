import type { Investigation } from '../api/types.ts';
import { KeyValueTable } from '../issue-detail/key-value-table.tsx';

const usd = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });

/** Which model answered, and what it cost. */
export function InvestigationUsage({ investigation }: { investigation: Investigation }) {
  const { model, usage } = investigation;
  return (
    <KeyValueTable
      label="Model and usage"
      rows={[
        ['Model', model ? `${model.provider} / ${model.name}` : null],
        ['Input tokens', usage ? usage.inputTokens.toLocaleString() : null],
        ['Output tokens', usage ? usage.outputTokens.toLocaleString() : null],
        ['Cost', usage ? usd.format(usage.costUsd) : null],
      ]}
    />
  );
}
