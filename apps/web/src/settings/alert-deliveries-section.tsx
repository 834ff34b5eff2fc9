import { useState } from 'react';
import { ChevronLeft, ChevronRight, History } from 'lucide-react';
import { Link } from 'react-router';
import { useAlertChannels } from '../api/use-alert-channels.ts';
import { DELIVERY_STATUSES, useAlertDeliveries } from '../api/use-alert-deliveries.ts';
import type { DeliveryStatus } from '../api/use-alert-deliveries.ts';
import { useAlertRules } from '../api/use-alert-rules.ts';
import { Badge } from '../ui/badge.tsx';
import type { BadgeTone } from '../ui/badge.tsx';
import { Button } from '../ui/button.tsx';
import { Card } from '../ui/card.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { ErrorState } from '../ui/error-state.tsx';
import { RelativeTime } from '../ui/relative-time.tsx';
import { SelectField } from '../ui/select-field.tsx';
import { Skeleton } from '../ui/skeleton.tsx';
import { useSettingsProject } from './use-settings-project.ts';

const STATUS_TONE: Record<DeliveryStatus, BadgeTone> = {
  sent: 'ok',
  failed: 'danger',
  pending: 'info',
  suppressed: 'neutral',
  digested: 'caution',
};

const th = 'py-1.5 pr-3 font-medium';

/** Every message decision, newest first: what went where, the provider's message id, or why it did not. */
export function AlertDeliveriesSection({ org }: { org: string }) {
  const [status, setStatus] = useState('');
  const [cursor, setCursor] = useState('');
  const deliveries = useAlertDeliveries(org, { status, cursor });
  const channels = useAlertChannels(org).data ?? [];
  // Rule names of the project picked above (cached with the rules list); others show their id.
  const rules = useAlertRules(org, useSettingsProject(org).project?.slug ?? '').data ?? [];
  const channelName = (id: string) => channels.find((c) => c.id === id)?.name ?? `#${id}`;
  const ruleName = (id: string | null) =>
    id === null ? '—' : (rules.find((r) => r.id === id)?.name ?? `#${id}`);
  const page = deliveries.data;
  return (
    <Card
      title="Delivery log"
      actions={
        <SelectField
          label="Status"
          hideLabel
          className="w-36"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setCursor('');
          }}
          options={[
            { value: '', label: 'All statuses' },
            ...DELIVERY_STATUSES.map((s) => ({ value: s, label: s })),
          ]}
        />
      }
    >
      {deliveries.isPending ? (
        <Skeleton className="h-20 w-full" />
      ) : deliveries.isError ? (
        <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : !page || page.deliveries.length === 0 ? (
        <EmptyState icon={<History size={18} />} title="No deliveries">
          {status ? `No ${status} deliveries.` : 'Every alert, digest and test message will be listed here.'}
        </EmptyState>
      ) : (
        <>
          <div className="overflow-x-auto">
            <table className="w-full text-[13px]">
              <thead>
                <tr className="border-b border-line text-left text-xs text-subtle">
                  <th scope="col" className={th}>
                    Time
                  </th>
                  <th scope="col" className={th}>
                    Rule
                  </th>
                  <th scope="col" className={th}>
                    Channel
                  </th>
                  <th scope="col" className={th}>
                    Status
                  </th>
                  <th scope="col" className={th}>
                    Message
                  </th>
                  <th scope="col" className={th}>
                    Provider id / error
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.deliveries.map((d) => (
                  <tr key={d.id} className="border-b border-line align-top last:border-b-0">
                    <td className="py-2 pr-3 text-xs whitespace-nowrap text-muted">
                      <RelativeTime date={d.dateCreated} />
                    </td>
                    <td className="py-2 pr-3">{d.kind === 'test' ? 'test message' : ruleName(d.rule)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">
                      {channelName(d.channel)} <span className="text-xs text-subtle">{d.channelKind}</span>
                    </td>
                    <td className="py-2 pr-3">
                      <Badge tone={STATUS_TONE[d.status] ?? 'neutral'}>{d.status}</Badge>
                      {d.attempts > 1 && <span className="ml-1 text-xs text-subtle">×{d.attempts}</span>}
                    </td>
                    <td className="max-w-64 py-2 pr-3 text-xs text-muted">
                      {d.issue ? (
                        <Link className="hover:underline" to={`/organizations/${org}/issues/${d.issue}`}>
                          {d.summary || `issue ${d.issue}`}
                        </Link>
                      ) : (
                        d.summary
                      )}
                    </td>
                    <td className="max-w-64 py-2 pr-3 font-mono text-xs break-all">
                      {d.error ? (
                        <span className="text-danger">{d.error}</span>
                      ) : (
                        (d.providerMessageId ?? '—')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav aria-label="Delivery log pages" className="flex justify-end gap-1.5 pt-3">
            <Button
              size="sm"
              icon={<ChevronLeft size={14} />}
              disabled={!page.previous}
              onClick={() => setCursor(page.previous ?? '')}
            >
              Previous
            </Button>
            <Button size="sm" disabled={!page.next} onClick={() => setCursor(page.next ?? '')}>
              Next <ChevronRight size={14} aria-hidden />
            </Button>
          </nav>
        </>
      )}
    </Card>
  );
}
