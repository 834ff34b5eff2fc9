/** USD per million tokens. */
export interface ModelPrice {
  inputPerMillionUsd: number;
  outputPerMillionUsd: number;
}

/**
 * Prices keyed by model id or model id prefix ("claude-sonnet-4-5" prices "claude-sonnet-4-5-20250929").
 * A "provider:model" key wins over a bare model key, so the same model behind a gateway can cost more.
 */
export type PriceTable = Readonly<Record<string, ModelPrice>>;

export interface TokenUsage {
  provider: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
}

/** Models without a price (a local Ollama model, say) cost nothing unless the table has a "*" entry. */
export function costOf(usage: TokenUsage, prices: PriceTable): number {
  const price = priceFor(usage.provider, usage.model, prices);
  if (!price) return 0;
  const cost =
    (usage.promptTokens * price.inputPerMillionUsd + usage.completionTokens * price.outputPerMillionUsd) /
    1_000_000;
  // Round to a micro-dollar so sums in the ledger do not drift with float noise.
  return Math.round(cost * 1_000_000) / 1_000_000;
}

export function priceFor(provider: string, model: string, prices: PriceTable): ModelPrice | null {
  return (
    longestPrefixMatch(`${provider}:${model}`, prices) ??
    longestPrefixMatch(model, prices) ??
    prices['*'] ??
    null
  );
}

function longestPrefixMatch(id: string, prices: PriceTable): ModelPrice | null {
  let best: string | null = null;
  for (const key of Object.keys(prices)) {
    if (key !== '*' && id.startsWith(key) && (best === null || key.length > best.length)) best = key;
  }
  return best === null ? null : (prices[best] ?? null);
}
