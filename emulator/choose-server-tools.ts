import type { ChatRequest, ExecutedTool } from './chat-request.ts';
import { findExpression } from './tool-arguments.ts';

/** What Groq ran on the model's behalf: the executed_tools entries, the reasoning that narrates them, and the answer built on them. */
export type ServerToolRun = { executed: ExecutedTool[]; reasoning: string; answer: string };

const triggers: Record<string, RegExp> = {
  browser_search: /browser_search|\b(search|look up|latest|news|today|current)\b/i,
  code_interpreter: /code_interpreter|\b(python|run (?:the |some )?code|execute)\b/i,
};

function shorten(text: string, limit = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

function search(index: number, userText: string) {
  const query = shorten(userText) || 'emulator';
  const url = `https://example.com/emulated-search?q=${encodeURIComponent(query)}`;
  const title = `Emulated result for “${query}”`;
  const content = "Flint's emulator does not browse the web; this search result is fixed.";
  return {
    tool: {
      index, type: 'browser.search', arguments: JSON.stringify({ query }),
      output: `【0†${title}†${url}】\nL0: ${content}`,
      search_results: { results: [{ title, url, content, score: 0.9 }] },
    },
    reasoning: `I should search the web for “${query}”. The search returned 1 result: ${title} (${url}).`,
    answer: `According to an emulated web search for “${query}” (${url}): ${content}`,
  };
}

function python(index: number, userText: string) {
  const expression = findExpression(userText);
  const code = expression === undefined ? "print('hello from the emulator')" : `print(${expression})`;
  const output = "[emulated python output: the emulator does not run code]\n";
  return {
    tool: { index, type: 'python', arguments: JSON.stringify({ code }), output },
    reasoning: `I will run Python: \`${code}\`. It printed: ${output.trim()}`,
    answer: `I ran \`${code}\` with the code interpreter; it printed ${output.trim()}`,
  };
}

/** Groq's built-in tools the emulated model runs: those offered whose name or purpose the last user message mentions (all offered when `required`). */
export function chooseServerTools(chat: ChatRequest, userText: string): ServerToolRun | undefined {
  if (chat.serverTools.length === 0 || chat.toolChoice === 'none' || chat.messages.at(-1)?.role !== 'user') return undefined;
  const wanted = chat.serverTools.filter((type) => chat.toolChoice === 'required' || triggers[type]?.test(userText));
  if (wanted.length === 0) return undefined;
  const runs = wanted.map((type, index) => (type === 'browser_search' ? search(index, userText) : python(index, userText)));
  return {
    executed: runs.map((run) => run.tool),
    reasoning: runs.map((run) => run.reasoning).join(' '),
    answer: `This is Flint's local emulator answering with Groq's built-in tools. ${runs.map((run) => run.answer).join(' ')}`,
  };
}
