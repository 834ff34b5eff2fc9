import { describe, expect, it } from 'vitest';
import { costOf, priceFor, type PriceTable } from './price-table.ts';

const prices: PriceTable = {
  'claude-sonnet-4': { inputPerMillionUsd: 3, outputPerMillionUsd: 15 },
  'claude-sonnet-4-5': { inputPerMillionUsd: 4, outputPerMillionUsd: 20 },
  'gateway:gpt-4o': { inputPerMillionUsd: 5, outputPerMillionUsd: 12 },
  'gpt-4o': { inputPerMillionUsd: 2.5, outputPerMillionUsd: 10 },
};
const usage = (provider: string, model: string, promptTokens: number, completionTokens: number) => ({
  provider,
  model,
  promptTokens,
  completionTokens,
});

describe('costOf', () => {
  it('prices prompt and completion tokens per million', () => {
    expect(costOf(usage('openai', 'gpt-4o', 1_000_000, 100_000), prices)).toBe(3.5);
    expect(costOf(usage('openai', 'gpt-4o', 1234, 567), prices)).toBeCloseTo(0.008755, 9);
  });

  it('uses the longest matching prefix, so dated model ids are priced', () => {
    expect(costOf(usage('anthropic', 'claude-sonnet-4-5-20250929', 1_000_000, 0), prices)).toBe(4);
    expect(costOf(usage('anthropic', 'claude-sonnet-4-20250514', 1_000_000, 0), prices)).toBe(3);
  });

  it('prefers a provider:model entry over the bare model', () => {
    expect(costOf(usage('gateway', 'gpt-4o', 0, 1_000_000), prices)).toBe(12);
  });

  it('costs nothing for an unknown model unless a "*" price is given', () => {
    expect(costOf(usage('ollama', 'llama3.1:8b', 5000, 5000), prices)).toBe(0);
    const withDefault = { ...prices, '*': { inputPerMillionUsd: 1, outputPerMillionUsd: 1 } };
    expect(priceFor('ollama', 'llama3.1:8b', withDefault)).toEqual(withDefault['*']);
    expect(costOf(usage('ollama', 'llama3.1:8b', 500_000, 500_000), withDefault)).toBe(1);
  });

  it('rounds to a micro-dollar', () => {
    expect(costOf(usage('openai', 'gpt-4o', 1, 1), prices)).toBe(0.000013);
  });
});
