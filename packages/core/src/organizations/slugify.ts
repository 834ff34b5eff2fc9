/** Sentry's slug rule: lowercase letters, digits, `-` and `_`, not only digits, at most 50 characters. */
export const SLUG_PATTERN = /^(?![0-9]+$)[a-z0-9_-]{1,50}$/;

/** A slug derived from a display name ("My Web App!" → "my-web-app"); null when nothing usable remains. */
export function slugify(name: string): string | null {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  return SLUG_PATTERN.test(slug) ? slug : null;
}
