/** The dashboard deep link for an issue; tolerant of a trailing slash on the base URL. */
export function issueUrl(baseUrl: string, issueId: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/issues/${issueId}`;
}
