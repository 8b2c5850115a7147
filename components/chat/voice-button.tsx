'use client';

import { useEffect, useRef } from 'react';
import { cn } from '@/components/ui/cn';
import { maxRecordingMs, useVoiceRecorder } from './use-voice-recorder';

type VoiceButtonProps = { disabled: boolean; onTranscript: (text: string) => void };

const shortcut = 'Alt+V';
// The last seconds are counted down so the cut-off never comes as a surprise.
const countdownFromMs = 15_000;

const MicIcon = () => (
  <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
  </svg>
);

const quiet =
  'inline-flex h-8 items-center justify-center gap-1.5 rounded-md px-2 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100';

function clock(milliseconds: number) {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * Voice input for the composer: click to record and click to stop, or hold Alt+V to talk.
 * While recording it shows the time, a level meter and Cancel; the transcript goes to `onTranscript`.
 */
export function VoiceButton({ disabled, onTranscript }: VoiceButtonProps) {
  const root = useRef<HTMLDivElement>(null);
  const voice = useVoiceRecorder((text) => {
    onTranscript(text);
    // The transcript is a draft: put the caret in the composer's textbox so it can be edited or sent.
    root.current?.closest('form')?.querySelector('textarea')?.focus();
  });
  const holding = useRef(false);
  const { phase, start, stop } = voice;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.code !== 'KeyV' || event.ctrlKey || event.metaKey) return;
      // On macOS Alt+V types "√": the shortcut must not also type.
      event.preventDefault();
      if (event.repeat || holding.current) return;
      if (phase === 'recording' || phase === 'starting') return stop();
      if (disabled || phase === 'transcribing') return;
      holding.current = true;
      void start();
    }
    function onKeyUp(event: KeyboardEvent) {
      if (!holding.current || (event.code !== 'KeyV' && event.key !== 'Alt')) return;
      holding.current = false;
      stop();
    }
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [disabled, phase, start, stop]);

  const recording = phase === 'recording' || phase === 'starting';
  const remainingMs = maxRecordingMs - voice.elapsedMs;

  return (
    <div ref={root} className="relative flex items-center gap-1" data-testid="voice-input" data-phase={phase}>
      {recording ? (
        <>
          <button
            type="button"
            onClick={stop}
            aria-label="Stop recording voice"
            title={`Stop recording and transcribe (release ${shortcut})`}
            aria-keyshortcuts={shortcut}
            className="inline-flex h-8 items-center gap-1.5 rounded-md bg-red-600 px-2 text-sm font-medium text-white hover:bg-red-500"
          >
            <span className="size-2 animate-pulse rounded-full bg-white" aria-hidden="true" />
            Stop
          </button>
          <span className="tabular-nums text-sm text-zinc-700 dark:text-zinc-300" data-testid="voice-elapsed" aria-label="Recording time">
            {clock(voice.elapsedMs)}
          </span>
          <div
            role="meter"
            aria-label="Microphone level"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(Math.min(1, Math.sqrt(voice.level) * 2) * 100)}
            data-testid="voice-level"
            className="h-2 w-16 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-700"
          >
            {/* sqrt: speech RMS sits around 0.01-0.2, which a linear bar would barely show. */}
            <div className="h-full bg-green-600 transition-[width] duration-75" style={{ width: `${Math.min(1, Math.sqrt(voice.level) * 2) * 100}%` }} />
          </div>
          {remainingMs <= countdownFromMs && (
            <span className="text-sm font-medium text-amber-700 dark:text-amber-400" data-testid="voice-countdown" role="timer">
              {clock(remainingMs)} left
            </span>
          )}
          <button type="button" onClick={voice.cancel} className={quiet} aria-label="Cancel recording" title="Cancel recording (nothing is sent)">
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => void start()}
          disabled={disabled || phase === 'transcribing'}
          aria-label="Record voice"
          title={`Record voice: click to start and stop, or hold ${shortcut} to talk`}
          aria-keyshortcuts={shortcut}
          className={quiet}
        >
          <MicIcon />
        </button>
      )}
      {phase === 'transcribing' && (
        <span role="status" data-testid="voice-transcribing" className="inline-flex items-center gap-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          <span className="size-3 animate-spin rounded-full border-2 border-zinc-400 border-t-transparent" aria-hidden="true" />
          Transcribing…
        </span>
      )}
      {phase === 'failed' && voice.problem && (
        <div
          role="alert"
          data-testid="voice-problem"
          className="absolute bottom-full left-0 z-10 mb-2 w-72 rounded-lg border border-amber-300 bg-amber-50 p-2.5 text-sm text-amber-950 shadow-md dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p>{voice.problem.message}</p>
          <div className="mt-2 flex gap-2">
            {voice.problem.canRetry && (
              <button type="button" onClick={voice.retry} className="rounded-md bg-amber-700 px-2 py-1 text-xs font-medium text-white hover:bg-amber-600">
                Retry transcription
              </button>
            )}
            <button type="button" onClick={voice.dismiss} className={cn('rounded-md px-2 py-1 text-xs font-medium underline')}>
              {voice.problem.canRetry ? 'Discard recording' : 'Dismiss'}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
