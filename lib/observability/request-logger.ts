import type { Logger } from 'pino';
import { logger } from './logger';

/** A child of the process logger whose every line carries the request id and route. */
export function requestLogger(requestId: string, route: string, parent: Logger = logger()): Logger {
  return parent.child({ requestId, route });
}
