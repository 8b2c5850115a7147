import type { FlintUIMessage } from './message';

/** The visible text of a message (its text parts, not its reasoning), as copy and edit use it. */
export function messageText(message: FlintUIMessage): string {
  return message.parts
    .flatMap((part) => (part.type === 'text' ? [part.text] : []))
    .join('\n\n')
    .trim();
}
