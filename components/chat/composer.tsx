'use client';

import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { tiers, type Tier } from '@/lib/chat/message';

const tierLabels: Record<Tier, string> = { auto: 'Auto', speed: 'Speed', quality: 'Quality' };

type ComposerProps = {
  busy: boolean;
  disabled: boolean;
  tier: Tier;
  onTierChange: (tier: Tier) => void;
  onSend: (text: string) => void;
  onStop: () => void;
};

/** The message box: Enter sends, Shift+Enter adds a line, Stop while a reply streams. */
export function Composer({ busy, disabled, tier, onTierChange, onSend, onStop }: ComposerProps) {
  const [text, setText] = useState('');
  const textbox = useRef<HTMLTextAreaElement>(null);

  function submit(event?: FormEvent) {
    event?.preventDefault();
    const trimmed = text.trim();
    if (!trimmed || busy || disabled) return;
    onSend(trimmed);
    setText('');
    textbox.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
    if (event.key === 'Escape' && busy) onStop();
  }

  return (
    <form onSubmit={submit} className="mx-auto w-full max-w-3xl px-3 pb-3">
      <div className="rounded-2xl border border-zinc-300 bg-white shadow-sm focus-within:border-orange-400 dark:border-zinc-700 dark:bg-zinc-900">
        <label htmlFor="composer-input" className="sr-only">Message</label>
        <textarea
          id="composer-input"
          ref={textbox}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          rows={2}
          disabled={disabled}
          placeholder={disabled ? 'Configure a provider to start chatting' : 'Message Flint…'}
          className="block max-h-60 w-full resize-none bg-transparent px-4 pt-3 text-base outline-none placeholder:text-zinc-400 focus-visible:outline-none"
        />
        <div className="flex items-center gap-2 px-3 pb-2">
          <label className="sr-only" htmlFor="tier-select">Model tier</label>
          <select
            id="tier-select"
            value={tier}
            onChange={(event) => onTierChange(event.target.value as Tier)}
            className="rounded-md border border-zinc-300 bg-transparent px-2 py-1 text-sm dark:border-zinc-700"
          >
            {tiers.map((value) => (
              <option key={value} value={value}>{tierLabels[value]}</option>
            ))}
          </select>
          <span className="flex-1" />
          {busy ? (
            <button type="button" onClick={onStop} className="rounded-lg bg-zinc-800 px-4 py-1.5 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-200 dark:text-zinc-900">
              Stop
            </button>
          ) : (
            <button type="submit" disabled={disabled || !text.trim()} className="rounded-lg bg-orange-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-orange-500 disabled:cursor-not-allowed disabled:opacity-40">
              Send
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
