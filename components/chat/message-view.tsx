'use client';

import { memo, useState } from 'react';
import { IconButton } from '@/components/ui/icon-button';
import { EditIcon, RegenerateIcon } from '@/components/ui/icons';
import type { FlintUIMessage } from '@/lib/chat/message';
import { messageText } from '@/lib/chat/message-text';
import { toolStepOf } from '@/lib/chat/tool-step';
import { AnswerNotice } from './answer-notice';
import { CopyButton } from './copy-button';
import { Markdown } from './markdown';
import { MessageEditor } from './message-editor';
import { MessageImages } from './message-images';
import { Reasoning } from './reasoning';
import { reasoningDurationOf } from '@/lib/chat/reasoning-clocks';
import { ServedByBadge } from './served-by-badge';
import { ToolStep } from './tool-step';
import { ToolsNotice } from './tools-notice';

type MessageViewProps = {
  message: FlintUIMessage;
  /** This answer is still arriving. */
  streaming: boolean;
  /** The latest answer: the one Regenerate and Continue act on. */
  latest: boolean;
  /** A reply is in flight, so actions that start another one are off. */
  busy: boolean;
  onRegenerate: () => void;
  onContinue: () => void;
  onEdit: (messageId: string, text: string) => void;
};

/** One message: a question (editable) or an answer (markdown, reasoning, actions, served-by badge). */
export const MessageView = memo(function MessageView(props: MessageViewProps) {
  return props.message.role === 'user' ? <Question {...props} /> : <Answer {...props} />;
});

function Question({ message, busy, onEdit }: MessageViewProps) {
  const [editing, setEditing] = useState(false);
  const text = messageText(message);
  if (editing) {
    return (
      <li data-testid="message-user" data-message-id={message.id} className="w-full">
        <MessageEditor
          initialText={text}
          onCancel={() => setEditing(false)}
          onSubmit={(edited) => {
            setEditing(false);
            onEdit(message.id, edited);
          }}
        />
      </li>
    );
  }
  return (
    <li data-testid="message-user" data-message-id={message.id} className="group relative flex max-w-[85%] flex-col items-end self-end">
      <MessageImages message={message} />
      <div className="rounded-2xl bg-zinc-100 px-4 py-2 dark:bg-zinc-800">
        <span className="sr-only">You said: </span>
        <p className="whitespace-pre-wrap break-words leading-relaxed">{text}</p>
      </div>
      {/* Beside the bubble on wide screens (shown on hover or focus), under it on phones. */}
      <div className="mt-1 flex gap-0.5 md:absolute md:top-1 md:right-full md:mt-0 md:mr-1 md:opacity-0 md:group-hover:opacity-100 md:group-focus-within:opacity-100">
        <IconButton label="Edit message" onClick={() => setEditing(true)} disabled={busy} data-testid="edit-message">
          <EditIcon />
        </IconButton>
        <CopyButton text={text} />
      </div>
    </li>
  );
}

function Answer({ message, streaming, latest, busy, onRegenerate, onContinue }: MessageViewProps) {
  const metadata = message.metadata;
  const text = messageText(message);
  const endedEarly = metadata?.interrupted ? 'interrupted' : metadata?.stopped ? 'stopped' : undefined;
  let reasoningBlock = 0;
  return (
    <li data-testid="message-assistant" data-message-id={message.id} data-streaming={streaming || undefined} className="max-w-full">
      <span className="sr-only">Flint said: </span>
      {message.parts.map((part, index) => {
        if (part.type === 'reasoning' && part.text) {
          const durationMs = reasoningDurationOf(metadata?.reasoningMs, reasoningBlock++);
          return <Reasoning key={index} text={part.text} thinking={streaming && part.state === 'streaming'} durationMs={durationMs} />;
        }
        if (part.type === 'text' && part.text) {
          return <Markdown key={index} text={part.text} streaming={streaming} />;
        }
        // Tool calls show where they happened: between the reasoning and the text that uses them.
        const step = toolStepOf(part);
        if (step) return <ToolStep key={step.id} step={step} />;
        return null;
      })}
      <ToolsNotice info={metadata?.tools} />
      {endedEarly && !streaming && <AnswerNotice reason={endedEarly} onContinue={latest && !busy ? onContinue : undefined} />}
      {/* Reserved height: the actions and badge appear when the answer ends without moving the page. */}
      <div className="mt-1 flex min-h-8 flex-wrap items-center gap-x-1 gap-y-0.5">
        {!streaming && (
          <>
            {text && <CopyButton text={text} />}
            {latest && (
              <IconButton label="Regenerate answer" onClick={onRegenerate} disabled={busy} data-testid="regenerate">
                <RegenerateIcon />
              </IconButton>
            )}
            <span className="ml-1">
              <ServedByBadge metadata={metadata} />
            </span>
          </>
        )}
      </div>
    </li>
  );
}
