import type { ApiToken, User } from '@fixloop/core';

export interface ApiTokenJson {
  id: string;
  name: string;
  scopes: string[];
  tokenPrefix: string;
  tokenLastCharacters: string;
  dateCreated: string;
  dateLastUsed: string | null;
  user?: { id: string; email: string; name: string } | null;
  /** Only in the creation response: the token is never shown again. */
  token?: string;
}

/** Sentry's API token JSON. Never the hash; the token itself only when `token` is given (create). */
export function serializeApiToken(
  token: ApiToken,
  extra: { owner?: User | null; token?: string } = {},
): ApiTokenJson {
  return {
    id: String(token.id),
    name: token.name,
    scopes: [...token.scopes],
    tokenPrefix: token.tokenPrefix,
    tokenLastCharacters: token.tokenLastCharacters,
    dateCreated: token.createdAt.toISOString(),
    dateLastUsed: token.lastUsedAt?.toISOString() ?? null,
    ...(extra.owner === undefined
      ? {}
      : {
          user:
            extra.owner === null
              ? null
              : { id: String(extra.owner.id), email: extra.owner.email, name: extra.owner.name },
        }),
    ...(extra.token === undefined ? {} : { token: extra.token }),
  };
}
