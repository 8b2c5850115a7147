export { createLogger, logger, type Logger, type LoggerOptions } from './logger';
export { requestIdFrom } from './request-id';
export { requestLogger } from './request-logger';
export { observeRequest, type AttemptSummary, type RequestSummary } from './observe-request';
export { metrics } from './metrics';
export { metricsResponse } from './metrics-response';
export {
  recordAttempt, recordCache, recordFallback, recordRateLimited, recordRequest, recordTimeToFirstToken, recordUsage, setBreakerOpen, setRateLimitRemaining,
  type ModelLabels,
} from './record';
