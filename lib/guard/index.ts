export { createRateGuard, type Admission, type RateGuard, type RateGuardConfig } from './rate-guard';
export { clientIdFrom } from './client-id';
export { clientRateLimit, retryAfterSeconds } from './client-rate-limit';
export { refusalResponse } from './refusal-response';
