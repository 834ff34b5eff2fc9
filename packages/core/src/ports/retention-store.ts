export interface RetentionStore {
  /** Deletes events (and their attachments) of `projectId` received before `before`. Returns the count. */
  purgeEvents(projectId: number, before: Date): Promise<number>;
  /** Deletes timelines of `projectId` whose event was received before `before`. Returns the count. */
  purgeTimelines(projectId: number, before: Date): Promise<number>;
}
