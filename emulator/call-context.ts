import type { IncomingMessage, ServerResponse } from 'node:http';
import { faultError, faultRetryAfterMs } from './fault-error.ts';
import type { FaultStore, FaultTarget } from './faults.ts';
import type { Pacer } from './pacer.ts';
import { findModel } from './resolve-model.ts';
import type { Exhaustion, RateLimits } from './rate-limits.ts';
import type { RequestLog } from './request-log.ts';
import type { EmulatedModel, EmulatorSettings, FaultSpec, Provider, RequestLogEntry } from './types.ts';
import { waitUnlessClosed } from './wait.ts';

/** The long-lived parts of one emulator instance. */
export type EmulatorServices = {
  settings: EmulatorSettings;
  pacer: Pacer;
  rateLimits: RateLimits;
  faults: FaultStore;
  requestLog: RequestLog;
};

/** Everything a provider endpoint handler needs for one call. */
export type CallContext = {
  provider: Provider;
  request: IncomingMessage;
  response: ServerResponse;
  requestId: string;
  log: RequestLogEntry;
  services: EmulatorServices;
  /** Set once the handler knows the model, so headers report that model's limits. */
  model?: EmulatedModel;
};

/** The headers every provider response carries: request id and rate limits. */
export function responseHeaders(call: CallContext, exhaustion?: Exhaustion): Record<string, string> {
  return {
    'x-request-id': call.requestId,
    ...call.services.rateLimits.headers(call.provider, call.model, exhaustion),
  };
}

/** A fault that acts while the answer is generated or written (drop, error-frame, slow, and the generation faults). */
export type StreamFault = FaultSpec & { kind: Exclude<FaultSpec['kind'], 'status' | 'stall'> };

/**
 * Applies the fault matching this call, if any: throws for `status`, waits for `stall`,
 * and hands back the faults that act while the answer is written. Returns false if the client left during a stall.
 */
export async function applyFault(call: CallContext, target: Omit<FaultTarget, 'provider'>): Promise<StreamFault | undefined | false> {
  const fault = call.services.faults.take({ provider: call.provider, ...target });
  if (!fault) return undefined;
  call.log.fault = fault.kind;
  if (fault.kind === 'status') {
    call.model ??= target.model === undefined ? undefined : findModel(call.services.settings.models, call.provider, target.model);
    const error = faultError(call.provider, fault, target.model ?? 'unknown');
    // A 429 reports the exhausted window in its rate-limit headers, like the real thing.
    Object.assign(error.headers, { ...responseHeaders(call, faultExhaustion(fault)), ...error.headers });
    throw error;
  }
  if (fault.kind === 'stall') return (await waitUnlessClosed(call.response, fault.ms)) ? undefined : false;
  return fault as StreamFault;
}

/** The exhausted window a 429 status fault reports in its headers. */
export function faultExhaustion(fault: FaultSpec): Exhaustion | undefined {
  if (fault.kind !== 'status' || fault.status !== 429) return undefined;
  return { type: fault.type === 'requests' ? 'requests' : 'tokens', retryAfterMs: faultRetryAfterMs(fault) ?? 4200 };
}
