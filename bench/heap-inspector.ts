// A minimal Chrome DevTools Protocol client over the WebSocket Node 24 ships, for reading a
// server's heap from bench/heap-rss-per-stream.ts (the server runs with --inspect=127.0.0.1:port).

/** What the server's V8 reports: process.memoryUsage() and its heap spaces. */
export type ServerHeap = { memory: NodeJS.MemoryUsage; spaces: Array<{ space_name: string; space_size: number; space_used_size: number }> };

/** Connects to the first inspector target on `port`; `heap()` reads the server's memory, `collectGarbage()` forces a full GC. */
export async function heapInspector(port: number) {
  const [target] = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl: string }>;
  const socket = new WebSocket(target!.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  socket.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  };
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  const expression = "JSON.stringify({ memory: process.memoryUsage(), spaces: process.getBuiltinModule('node:v8').getHeapSpaceStatistics() })";
  return {
    heap: async () => {
      const { result } = (await send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: string } };
      return JSON.parse(result.value) as ServerHeap;
    },
    collectGarbage: () => send('HeapProfiler.collectGarbage'),
    close: () => socket.close(),
  };
}
