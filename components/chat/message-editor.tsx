'use client';

import { useState, type KeyboardEvent } from 'react';

type MessageEditorProps = { initialText: string; onSubmit: (text: string) => void; onCancel: () => void };

/** Edits a sent question in place; submitting replaces it and asks again from there. */
export function MessageEditor({ initialText, onSubmit, onCancel }: MessageEditorProps) {
  const [text, setText] = useState(initialText);

  function submit() {
    const trimmed = text.trim();
    if (trimmed) onSubmit(trimmed);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
    if (event.key === 'Escape') {
      // Esc here cancels the edit; it must not also reach the page's Esc-stops-the-answer handler.
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <form
      data-testid="message-editor"
      className="w-full rounded-2xl border border-zinc-300 bg-white p-2 dark:border-zinc-700 dark:bg-zinc-900"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <textarea
        aria-label="Edit message"
        autoFocus
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        className="block w-full resize-y bg-transparent px-2 py-1 text-base outline-none focus-visible:outline-none"
      />
      <div className="flex justify-end gap-2 pt-1">
        <button type="button" onClick={onCancel} className="rounded-lg px-3 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          Cancel
        </button>
        <button
          type="submit"
          disabled={!text.trim()}
          className="rounded-lg bg-orange-700 px-3 py-1 text-sm font-medium text-white hover:bg-orange-600 disabled:opacity-40"
        >
          Save &amp; resubmit
        </button>
      </div>
    </form>
  );
}
