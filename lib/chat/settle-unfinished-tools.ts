import type { FlintUIMessage } from './message';

/** The error an unfinished tool call is given when its answer ends early. */
export const unfinishedToolError = 'The answer ended before this tool finished.';

const unfinished = new Set(['input-streaming', 'input-available']);

/**
 * An answer that was stopped or cut off may hold tool calls still waiting for their result; the
 * server refuses such a call in the history (the model would need its result). Marks each as a
 * tool error, so the chat can go on and the step shows truthfully that it did not finish.
 */
export function settleUnfinishedTools(message: FlintUIMessage): FlintUIMessage {
  let changed = false;
  const parts = message.parts.map((part) => {
    const isTool = part.type === 'dynamic-tool' || part.type.startsWith('tool-');
    if (!isTool || !('state' in part) || typeof part.state !== 'string' || !unfinished.has(part.state)) return part;
    changed = true;
    return { ...part, state: 'output-error', errorText: unfinishedToolError, input: 'input' in part ? part.input : undefined } as typeof part;
  });
  return changed ? { ...message, parts } : message;
}
