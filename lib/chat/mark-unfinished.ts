import type { FlintUIMessage } from './message';
import { settleUnfinishedTools } from './settle-unfinished-tools';

/**
 * The messages as they must be stored while an answer is still arriving: the latest answer marked
 * `interrupted`, so a crash, reload or lost connection before it settles leaves it shown as
 * unfinished (with Continue) instead of as a complete answer. A settled answer is saved again unmarked.
 */
export function markUnfinished(messages: FlintUIMessage[]): FlintUIMessage[] {
  const last = messages.at(-1);
  if (last?.role !== 'assistant') return messages;
  // A tool still running in the stored copy would make the history unsendable after a reload.
  return [...messages.slice(0, -1), settleUnfinishedTools({ ...last, metadata: { ...last.metadata, interrupted: true } })];
}
