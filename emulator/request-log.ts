import type { ServerResponse } from 'node:http';
import type { RequestLogEntry } from './types.ts';

/** The calls received, for tests that assert how many upstream calls the app made. */
export type RequestLog = {
  /** Records a call as it arrives; its status is read from the response when listed. */
  record(entry: RequestLogEntry, response: ServerResponse): RequestLogEntry;
  list(): RequestLogEntry[];
  clear(): void;
};

/** Creates an empty request log. */
export function createRequestLog(): RequestLog {
  let entries: Array<{ entry: RequestLogEntry; response: ServerResponse }> = [];
  return {
    record(entry, response) {
      entries.push({ entry, response });
      return entry;
    },
    list() {
      return entries.map(({ entry, response }) => ({ ...entry, status: response.headersSent ? response.statusCode : 0 }));
    },
    clear() {
      entries = [];
    },
  };
}
