export interface RetentionStore {
  /** Deletes events (and their attachments) of `projectId` received before `before`. Returns the count. */
  purgeEvents(projectId: number, before: Date): Promise<number>;
  /** Deletes timelines of `projectId` whose event was received before `before`. Returns the count. */
  purgeTimelines(projectId: number, before: Date): Promise<number>;
  /** Deletes jobs that finished (done or failed) before `before`; pending and running ones stay. */
  purgeFinishedJobs(before: Date): Promise<number>;
  /** Deletes alert deliveries last updated before `before`, except those still pending. */
  purgeAlertDeliveries(before: Date): Promise<number>;
}
