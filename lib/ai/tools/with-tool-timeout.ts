import type { ToolSet } from 'ai';

/** The error a tool gets when it runs past its time; the model sees its message as the tool's error. */
export class ToolTimeoutError extends Error {
  constructor(toolName: string, ms: number) {
    super(`The tool ${toolName} did not answer within ${Math.round(ms / 1000)} s.`);
    this.name = 'ToolTimeoutError';
  }
}

/**
 * Wraps every executable tool so it fails with ToolTimeoutError after `ms`, whether or not it
 * honours its abort signal. A thrown error becomes a tool-error result in the AI SDK, so a slow or
 * broken tool costs one step, not the chat. Provider-executed tools (no `execute`) pass unchanged.
 */
export function withToolTimeout<T extends ToolSet>(tools: T, ms: number): T {
  const wrapped: ToolSet = {};
  for (const [name, original] of Object.entries(tools)) {
    const execute = original.execute;
    if (execute === undefined) {
      wrapped[name] = original;
      continue;
    }
    wrapped[name] = {
      ...original,
      execute: (input: unknown, options: Parameters<typeof execute>[1]) => {
        const controller = new AbortController();
        const signal = options.abortSignal ? AbortSignal.any([options.abortSignal, controller.signal]) : controller.signal;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const expired = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new ToolTimeoutError(name, ms);
            controller.abort(error);
            reject(error);
          }, ms);
        });
        const run = Promise.resolve(execute(input as never, { ...options, abortSignal: signal }));
        return Promise.race([run, expired]).finally(() => clearTimeout(timer));
      },
    } as ToolSet[string];
  }
  return wrapped as T;
}
