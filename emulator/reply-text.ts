import { splitTokens } from './tokens.ts';

/** What the reply generator needs to know about the conversation. */
export type ReplyInput = { model: string; userText: string; imageCount: number };

function quote(text: string, limit = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(no text)';
  return flat.length > limit ? `${flat.slice(0, limit)}…` : flat;
}

/** The visibly fake answer: names the model, quotes the user, and carries some markdown for the UI to render. */
export function replyText(input: ReplyInput): string {
  const images = input.imageCount > 0
    ? `\n\nI received ${input.imageCount} image${input.imageCount === 1 ? '' : 's'}, which the emulator does not look at.`
    : '';
  return [
    `This is Flint's local emulator answering as **${input.model}**. You said: “${quote(input.userText)}”.${images}`,
    '',
    'Nothing here came from a real model:',
    '',
    '- the same input always gives the same reply',
    '- tokens stream at about the real model\'s speed',
    '- no request left this machine',
    '',
    '```ts',
    `const model = '${input.model}';`,
    '```',
  ].join('\n');
}

/** The short reasoning a reasoning model streams before its answer. */
export function reasoningText(input: ReplyInput): string {
  return `The user wrote “${quote(input.userText, 80)}”. I am Flint's local emulator standing in for ${input.model}, so I will answer with a deterministic, visibly fake reply that quotes the message and shows a little markdown.`;
}

/** The answer after a tool ran, so tool round-trips finish with text. */
export function toolResultText(model: string, toolName: string, result: string): string {
  return `This is Flint's local emulator answering as **${model}**. The tool \`${toolName}\` returned: ${quote(result, 200)}`;
}

/** Tokens of an answer stretched or cut to exactly `count` tokens, for long-answer and Stop tests. */
export function sizedTokens(text: string, count: number): string[] {
  const tokens = splitTokens(text);
  let sentence = 0;
  while (tokens.length < count) {
    sentence += 1;
    const breakBefore = sentence % 5 === 1 ? '\n\n' : ' ';
    tokens.push(...splitTokens(`${breakBefore}Sentence ${sentence} of the emulated long answer keeps going so that length and speed can be measured.`));
  }
  return tokens.slice(0, count);
}
