/** What the fake server writes back: a status and a JSON body, plus optional headers. */
export interface WireResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}
