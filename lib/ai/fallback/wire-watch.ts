import type { FetchFunction } from '@ai-sdk/provider-utils';

// Keyed by the abort signal the chain hands each upstream call: the one value that reaches fetch unchanged.
const listeners = new WeakMap<AbortSignal, () => void>();

/** Calls `listener` when the provider call carrying `signal` is handed to fetch (the request goes on the wire). */
export function onWire(signal: AbortSignal, listener: () => void): void {
  listeners.set(signal, listener);
}

/** Wraps fetch so the chain learns when each upstream request is actually sent. */
export function wireFetch(base?: FetchFunction): FetchFunction {
  return (input, init) => {
    const signal = init?.signal;
    if (signal) {
      const listener = listeners.get(signal);
      listeners.delete(signal);
      listener?.();
    }
    return (base ?? globalThis.fetch)(input, init);
  };
}
