import type { LanguageModelV4CallOptions } from '@ai-sdk/provider';

/**
 * Whether a call must take @ai-sdk/groq's own stream: raw chunks (the server-tools middleware reads
 * `executed_tools` from them), provider-defined tools, and JSON output emulated through a tool
 * (the SDK rewrites that tool's parts into text).
 */
export function needsSdkStream(options: LanguageModelV4CallOptions): boolean {
  if (options.includeRawChunks === true) return true;
  const tools = options.tools ?? [];
  if (tools.some((tool) => tool.type !== 'function')) return true;
  return options.responseFormat?.type === 'json' && options.responseFormat.schema != null && tools.length > 0;
}
