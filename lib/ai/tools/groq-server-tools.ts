import { browserSearch } from '@ai-sdk/groq';
import type { ToolSet } from 'ai';
import type { GroqServerTool, ModelEntry } from '@/lib/ai/catalog/model-entry';

/** Groq built-in tools for a request, and why any configured one was left out. */
export interface GroqServerTools {
  tools: ToolSet;
  notices: string[];
}

const known: readonly GroqServerTool[] = ['browser_search', 'code_interpreter'];

/**
 * Turns FLINT_GROQ_TOOLS (e.g. `['browser_search', 'code_interpreter']`) into AI SDK provider
 * tools, keyed by their Groq type, when at least one of `models` can run them. Each candidate
 * must still be wrapped with serverToolsMiddleware, which removes them for models that cannot.
 * @ai-sdk/groq (4.0.x) knows only browser_search: code_interpreter is reported, not sent.
 */
export function groqServerTools(config: { enabled: readonly string[]; models: readonly ModelEntry[] }): GroqServerTools {
  const tools: ToolSet = {};
  const notices: string[] = [];
  for (const name of config.enabled) {
    const type = known.find((candidate) => candidate === name);
    if (type === undefined) {
      notices.push(`Unknown Groq tool "${name}" in FLINT_GROQ_TOOLS: ignored.`);
      continue;
    }
    if (!config.models.some((entry) => entry.capabilities.serverTools?.includes(type))) {
      notices.push(`Groq's ${type} is not offered: none of the models for this request can run it.`);
      continue;
    }
    if (type === 'code_interpreter') {
      notices.push("Groq's code_interpreter is not offered: the installed @ai-sdk/groq cannot send it.");
      continue;
    }
    tools[type] = browserSearch({});
  }
  return { tools, notices };
}
