export { responseCacheMiddleware, type ResponseCacheOptions } from './response-cache';
export { createResponseCacheStore } from './create-response-cache-store';
export { cacheKey, isCacheable } from './cache-key';
