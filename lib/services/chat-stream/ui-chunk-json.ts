import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';

/** The model parts the fast path can send as they are: plain text and reasoning of one step. */
export type FastPathPart = Extract<
  LanguageModelV4StreamPart,
  { type: 'text-start' | 'text-delta' | 'text-end' | 'reasoning-start' | 'reasoning-delta' | 'reasoning-end' }
>;

const quote = JSON.stringify;

/**
 * The JSON of the UI message chunk toUIMessageChunk (ai@7) makes of one text or reasoning part,
 * written by hand in the SDK's key order so the bytes are the same, without building an object.
 */
export function uiChunkJson(part: FastPathPart): string {
  const metadata = part.providerMetadata === undefined ? '' : `,"providerMetadata":${quote(part.providerMetadata)}`;
  switch (part.type) {
    case 'text-delta':
    case 'reasoning-delta':
      return `{"type":"${part.type}","id":${quote(part.id)},"delta":${quote(part.delta)}${metadata}}`;
    case 'text-end': {
      const citations = part.citations === undefined ? '' : `,"citations":${quote(part.citations)}`;
      return `{"type":"text-end","id":${quote(part.id)}${citations}${metadata}}`;
    }
    default:
      return `{"type":"${part.type}","id":${quote(part.id)}${metadata}}`;
  }
}
