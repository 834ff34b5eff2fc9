import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from './api-client.ts';
import { isApiError } from './api-error.ts';
import { parseLinkHeader } from './parse-link-header.ts';

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'suppressed', 'digested'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One line of GET /organizations/{org}/alert-deliveries/ (and the answer of a channel's test message). */
export interface AlertDelivery {
  id: string;
  rule: string | null;
  channel: string;
  channelKind: string;
  kind: string;
  issue: string | null;
  summary: string;
  status: DeliveryStatus;
  attempts: number;
  providerMessageId: string | null;
  error: string | null;
  dateCreated: string;
  dateUpdated: string;
}

export interface DeliveryPage {
  deliveries: AlertDelivery[];
  next: string | null;
  previous: string | null;
}

export const DELIVERY_PAGE_SIZE = 25;

/** One page of the delivery log, newest first; null when the server has no alerting API. */
export function useAlertDeliveries(org: string, filter: { status: string; cursor: string }) {
  return useQuery({
    queryKey: ['org', org, 'alert-deliveries', filter] as const,
    queryFn: async ({ signal }): Promise<DeliveryPage | null> => {
      try {
        const { data, headers } = await apiRequest<AlertDelivery[]>(
          `/api/0/organizations/${encodeURIComponent(org)}/alert-deliveries/`,
          { query: { status: filter.status, cursor: filter.cursor, limit: DELIVERY_PAGE_SIZE }, signal },
        );
        return { deliveries: data, ...parseLinkHeader(headers.get('Link')) };
      } catch (error) {
        if (isApiError(error) && error.isMissing) return null;
        throw error;
      }
    },
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}
