import { useState } from 'react';
import { KeyRound, Trash2 } from 'lucide-react';
import { useApiTokens, useCreateApiToken, useDeleteApiToken } from '../api/use-api-tokens.ts';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useToast } from '../ui/use-toast.ts';
import { CreateTokenDialog } from './create-token-dialog.tsx';

/** Personal API tokens (and, for owners and admins, everyone's, as the server lists them). */
export function ApiTokensSection({ canCreate, seeAll }: { canCreate: boolean; seeAll: boolean }) {
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const remove = useDeleteApiToken();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const list = tokens.data ?? [];
  return (
    <Card
      title="API tokens"
      actions={
        canCreate && (
          <Button size="sm" variant="primary" onClick={() => setCreating(true)}>
            New token
          </Button>
        )
      }
    >
      {tokens.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : list.length === 0 ? (
        <EmptyState icon={<KeyRound size={18} />} title="No API tokens">
          Tokens let sentry-cli, scripts and the MCP server call the Web API as you.
        </EmptyState>
      ) : (
        <table className="w-full text-[13px]">
          <thead>
            <tr className="border-b border-line text-left text-xs text-subtle">
              <th scope="col" className="py-1.5 font-medium">
                Name
              </th>
              <th scope="col" className="py-1.5 font-medium">
                Token
              </th>
              <th scope="col" className="py-1.5 font-medium">
                Scopes
              </th>
              {seeAll && (
                <th scope="col" className="py-1.5 font-medium">
                  Owner
                </th>
              )}
              <th scope="col" className="py-1.5 font-medium">
                Last used
              </th>
              <th scope="col" className="py-1.5">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((token) => (
              <tr key={token.id} className="border-b border-line last:border-b-0">
                <td className="py-2 font-medium">{token.name}</td>
                <td className="py-2 font-mono text-xs text-muted">
                  {token.tokenPrefix
                    ? `${token.tokenPrefix}…`
                    : token.tokenLastCharacters
                      ? `…${token.tokenLastCharacters}`
                      : '••••'}
                </td>
                <td className="max-w-56 truncate py-2 text-xs text-muted" title={token.scopes.join(', ')}>
                  {token.scopes.join(', ')}
                </td>
                {seeAll && <td className="py-2 text-xs text-muted">{token.user?.email ?? 'system'}</td>}
                <td className="py-2 text-xs text-muted">
                  {token.dateLastUsed ? <RelativeTime date={token.dateLastUsed} /> : 'never'}
                </td>
                <td className="py-2 text-right">
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={`Revoke token ${token.name}`}
                    icon={<Trash2 size={13} />}
                    onClick={() =>
                      remove.mutate(token.id, {
                        onSuccess: () => toast('Token revoked', 'ok'),
                        onError: (e) => toast(e.message, 'danger'),
                      })
                    }
                  >
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} create={create} />
    </Card>
  );
}
