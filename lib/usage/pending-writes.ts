const pending = new Set<Promise<unknown>>();
let waiters: Array<() => void> = [];

/** Keeps a background write (ledger row, budget settlement) so shutdown and tests can wait for it. */
export function trackWrite(write: Promise<unknown>): void {
  pending.add(write);
  void write.finally(() => {
    pending.delete(write);
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  });
}

/** Resolves once every background write started so far has finished. */
export async function pendingWrites(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}

/** Resolves when the next background write finishes (an event to wait on instead of a sleep). */
export function nextWrite(): Promise<void> {
  return new Promise((resolve) => waiters.push(resolve));
}

/** Resolves once the background writes started so far have finished (later ones are not waited for). */
export async function writesSoFar(): Promise<void> {
  await Promise.allSettled([...pending]);
}
