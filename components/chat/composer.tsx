'use client';

import type { FileUIPart } from 'ai';
import { useState, type FormEvent, type KeyboardEvent, type RefObject } from 'react';
import { ArrowUpIcon, StopIcon } from '@/components/ui/icons';
import type { ToolsInfo } from '@/lib/chat/message';
import type { Tier } from '@/lib/chat/tiers';
import { AttachButton } from './attach-button';
import { AttachmentTray } from './attachment-tray';
import { DropOverlay } from './drop-overlay';
import { TierSelect } from './tier-select';
import { ToolsLine } from './tools-line';
import { ToolsSwitch } from './tools-switch';
import { useFileDrop } from './use-file-drop';
import { useImageAttachments } from './use-image-attachments';
import { VoiceButton } from './voice-button';

type ComposerProps = {
  busy: boolean;
  disabled: boolean;
  tier: Tier;
  textbox: RefObject<HTMLTextAreaElement | null>;
  onTierChange: (tier: Tier) => void;
  /** Whether this chat offers tools, what the last answer was offered, and the switch's handler. */
  tools: { on: boolean; info: ToolsInfo | undefined; onChange: (on: boolean) => void };
  /** `files` are the attached images, already normalised to the vision models' limits. */
  onSend: (text: string, files: FileUIPart[]) => void;
  onStop: () => void;
};

/** The message box: Enter sends, Shift+Enter adds a line, Stop (or Esc) while a reply streams. */
export function Composer({ busy, disabled, tier, textbox, onTierChange, tools, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('');
  const images = useImageAttachments();
  const drop = useFileDrop(images.add, disabled);
  const canSend = (text.trim() !== '' || images.parts.length > 0) && !images.working;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!canSend || busy || disabled) return;
    onSend(text.trim(), images.parts);
    setText('');
    images.clear();
    textbox.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  return (
    <form onSubmit={submit} onPaste={disabled ? undefined : images.onPaste} {...drop.handlers} className="mx-auto w-full max-w-3xl px-3 pb-3" data-testid="composer">
      {/* The textbox draws no outline of its own: the whole frame shows focus, as a ring. */}
      <div data-focus-frame className="relative rounded-2xl border border-zinc-300 bg-white shadow-sm has-[textarea:focus-visible]:border-orange-500 has-[textarea:focus-visible]:ring-2 has-[textarea:focus-visible]:ring-orange-500/60 dark:border-zinc-700 dark:bg-zinc-900">
        <DropOverlay visible={drop.dragging} />
        <AttachmentTray attachments={images.attachments} notice={images.notice} onRemove={images.remove} onDismissNotice={images.dismissNotice} />
        <label htmlFor="composer-input" className="sr-only">Message</label>
        <textarea
          id="composer-input"
          ref={textbox}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          rows={1}
          disabled={disabled}
          placeholder={disabled ? 'Configure a provider to start chatting' : 'Message Flint…'}
          className="block max-h-60 min-h-12 w-full resize-none bg-transparent px-4 pt-3 text-base outline-none [field-sizing:content] placeholder:text-zinc-500 focus-visible:outline-none dark:placeholder:text-zinc-400"
        />
        <div className="flex items-center gap-1.5 px-2 pb-2">
          {/* Attaching stays possible while an answer streams, to prepare the next question. */}
          <AttachButton disabled={disabled} onFiles={images.add} />
          <VoiceButton disabled={disabled || busy} onTranscript={(spoken) => setText((current) => (current ? `${current} ${spoken}` : spoken))} />
          <TierSelect tier={tier} onChange={onTierChange} disabled={disabled} />
          <span className="flex-1" />
          {busy ? (
            <button
              type="button"
              onClick={onStop}
              title="Stop (Esc)"
              className="inline-flex items-center gap-1.5 rounded-lg bg-zinc-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900 dark:hover:bg-zinc-300"
            >
              <StopIcon />
              Stop
            </button>
          ) : (
            <button
              type="submit"
              disabled={disabled || !canSend}
              title="Send (Enter)"
              className="inline-flex items-center gap-1.5 rounded-lg bg-orange-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-orange-600 disabled:cursor-not-allowed disabled:opacity-40"
            >
              <ArrowUpIcon />
              Send
            </button>
          )}
        </div>
      </div>
      {/* Under the box, not in its button row: the row is full at 375 px. */}
      <div className="mt-1 flex items-start gap-2">
        <ToolsSwitch on={tools.on} onChange={tools.onChange} disabled={disabled} />
        <div className="min-w-0 flex-1 pt-1.5">
          <ToolsLine on={tools.on} info={tools.info} />
        </div>
      </div>
      <p className="mt-1.5 hidden text-center text-xs text-zinc-600 sm:block dark:text-zinc-400">
        Enter sends · Shift+Enter adds a line · Esc stops an answer
      </p>
    </form>
  );
}
