import type { FlintUIMessage } from './message';
import { messageText } from './message-text';

const maxLength = 60;

/** A chat's title: the start of its first question, on one line; "New chat" before there is one. */
export function chatTitle(messages: FlintUIMessage[]): string {
  const first = messages.find((message) => message.role === 'user');
  const text = first ? messageText(first).replace(/\s+/g, ' ').trim() : '';
  if (!text) return 'New chat';
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 1).trimEnd()}…`;
}
