import type { Tool, ToolSet } from 'ai';
import { prepareTools } from 'ai/internal';

type ModelTools = NonNullable<Awaited<ReturnType<typeof prepareTools>>>;

/** Each tool's prepared form by name, kept as long as the tool object lives. */
const prepared = new WeakMap<Tool, Map<string, Promise<ModelTools>>>();

/**
 * The tool definitions streamText sends the model (the SDK's own prepareTools, JSON Schema from
 * each inputSchema), cached per tool object: converting the schemas cost ~0.49 ms per request
 * with two zod tools (measured on this machine under load), ~5 % of a chat request's CPU, and a
 * tool's schema never changes. Undefined when there are no tools, as streamText sends.
 */
export async function modelToolsOf(tools: ToolSet | undefined): Promise<ModelTools | undefined> {
  if (tools === undefined) return undefined;
  const entries = Object.entries(tools);
  if (entries.length === 0) return undefined;
  const parts = await Promise.all(
    entries.map(([name, tool]) => {
      let byName = prepared.get(tool);
      if (byName === undefined) prepared.set(tool, (byName = new Map()));
      let one = byName.get(name);
      if (one === undefined) byName.set(name, (one = prepareTools({ tools: { [name]: tool } }).then((list) => list ?? [])));
      return one;
    }),
  );
  return parts.flat();
}
