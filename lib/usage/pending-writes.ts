const pending = new Set<Promise<unknown>>();

/** Keeps a background write (ledger row, budget settlement) so shutdown and tests can wait for it. */
export function trackWrite(write: Promise<unknown>): void {
  pending.add(write);
  void write.finally(() => pending.delete(write));
}

/** Resolves once every background write started so far has finished. */
export async function pendingWrites(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
