// Reads a server's heap for bench/heap-rss-per-stream.ts (the server runs with --inspect=127.0.0.1:port).
import { devtools } from './devtools.ts';

/** What the server's V8 reports: process.memoryUsage() and its heap spaces. */
export type ServerHeap = { memory: NodeJS.MemoryUsage; spaces: Array<{ space_name: string; space_size: number; space_used_size: number }> };

/** Connects to the first inspector target on `port`; `heap()` reads the server's memory, `collectGarbage()` forces a full GC. */
export async function heapInspector(port: number) {
  const { send, close } = await devtools(port);
  const expression = "JSON.stringify({ memory: process.memoryUsage(), spaces: process.getBuiltinModule('node:v8').getHeapSpaceStatistics() })";
  return {
    heap: async () => {
      const { result } = (await send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value: string } };
      return JSON.parse(result.value) as ServerHeap;
    },
    collectGarbage: () => send('HeapProfiler.collectGarbage'),
    close,
  };
}
