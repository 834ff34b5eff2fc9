/** The outcome of Sentry-style grouping for one event. */
export interface GroupingResult {
  /** The hash that names the issue: fingerprint > app > system > default > fallback (spec §5). */
  primaryHash: string;
  /** Every non-null variant hash, primary first. An event joins an issue when any of them is known. */
  hashes: string[];
  /** Variant name → hash (null when the variant does not contribute), for display and debugging. */
  variants: Record<string, string | null>;
  /** Name of the variant that produced the primary hash. */
  primaryVariant: string;
}
