import { generationFaultKinds } from './generation-faults.ts';
import type { FaultKind, FaultSpec, Provider } from './types.ts';

const kinds: FaultKind[] = ['status', 'stall', 'drop', 'error-frame', 'slow', ...generationFaultKinds];

/** Where a request is going, to match it against installed faults. */
export type FaultTarget = { provider: Provider; model?: string; endpoint: 'chat' | 'transcription' | 'models'; toolResults?: number };

/** Holds the faults to inject; the first installed fault matching a request wins. */
export type FaultStore = {
  add(spec: FaultSpec): void;
  clear(): void;
  list(): FaultSpec[];
  /** Returns the fault for this request and counts down its `times`. */
  take(target: FaultTarget): FaultSpec | undefined;
};

/** Checks a fault posted over HTTP, returning a reason when it is unusable. */
export function faultProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'fault must be a JSON object';
  const spec = value as Partial<FaultSpec>;
  if (spec.provider !== 'groq' && spec.provider !== 'openai') return "provider must be 'groq' or 'openai'";
  if (!spec.kind || !kinds.includes(spec.kind)) return `kind must be one of ${kinds.join(', ')}`;
  if (spec.kind === 'status' && !(Number.isInteger(spec.status) && spec.status! >= 400 && spec.status! <= 599)) {
    return 'a status fault needs status between 400 and 599';
  }
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) return 'times must be a positive integer';
  if (spec.fraction !== undefined && !(typeof spec.fraction === 'number' && spec.fraction > 0 && spec.fraction <= 1)) {
    return 'fraction must be a number above 0 and at most 1';
  }
  if (spec.seed !== undefined && !Number.isInteger(spec.seed)) return 'seed must be an integer';
  if (spec.withToolResults !== undefined && typeof spec.withToolResults !== 'boolean') return 'withToolResults must be a boolean';
  return undefined;
}

/** Creates an empty fault store. */
export function createFaultStore(): FaultStore {
  let faults: Array<{ spec: FaultSpec; remaining: number; draw: (() => number) | undefined }> = [];
  return {
    add(spec) {
      const problem = faultProblem(spec);
      if (problem) throw new TypeError(`invalid fault: ${problem}`);
      const draw = spec.fraction === undefined ? undefined : seededRandom(spec.seed ?? 1);
      faults.push({ spec: { ...spec }, remaining: spec.times ?? Infinity, draw });
    },
    clear() {
      faults = [];
    },
    list() {
      return faults.map((fault) => fault.spec);
    },
    take(target) {
      // Each matching fault with a fraction draws once; a request it does not pick may still meet a later fault.
      const match = faults.find(({ spec, draw }) =>
        spec.provider === target.provider &&
        (spec.model === undefined || spec.model === target.model) &&
        (spec.endpoint === undefined || spec.endpoint === target.endpoint) &&
        (spec.withToolResults === undefined || spec.withToolResults === (target.toolResults ?? 0) > 0) &&
        (draw === undefined || draw() < spec.fraction!));
      if (!match) return undefined;
      match.remaining -= 1;
      if (match.remaining <= 0) faults = faults.filter((fault) => fault !== match);
      return match.spec;
    },
  };
}

/** mulberry32: a tiny seeded generator, so the same seed picks the same requests. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
