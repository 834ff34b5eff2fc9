import type { RequestJson } from '../api/types.ts';
import { KeyValueTable } from './key-value-table.tsx';

function headerRows(headers: RequestJson['headers']): [string, string][] {
  if (!headers) return [];
  return Array.isArray(headers) ? headers : Object.entries(headers);
}

function show(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

/** The HTTP request the event happened in: method and URL, then query, body and headers. */
export function EventRequest({ request }: { request: RequestJson }) {
  return (
    <div className="flex flex-col gap-3">
      <p className="font-mono text-[12.5px] break-all">
        <span className="mr-2 font-semibold">{request.method ?? 'GET'}</span>
        {request.url}
      </p>
      <KeyValueTable
        label="Request details"
        rows={[
          ['Query', show(request.query ?? request.query_string)],
          ['Body', show(request.data)],
          ['Cookies', show(request.cookies)],
          ...headerRows(request.headers).map(([k, v]): [string, string] => [k, v]),
        ]}
      />
    </div>
  );
}
