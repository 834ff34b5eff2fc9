import type { Kysely } from 'kysely';
import type { AlertStore } from '@fixloop/core';
import type { Database } from './database.ts';
import { createSqlAlertConfigStore } from './sql-alert-config-store.ts';
import { createSqlAlertDeliveryStore } from './sql-alert-delivery-store.ts';
import { createSqlAlertReportQueries } from './sql-alert-report-queries.ts';

/** Alerting storage, the same SQL on both dialects (configuration, delivery log and state, read queries). */
export function createSqlAlertStore(db: Kysely<Database>): AlertStore {
  return {
    ...createSqlAlertConfigStore(db),
    ...createSqlAlertDeliveryStore(db),
    ...createSqlAlertReportQueries(db),
  };
}
