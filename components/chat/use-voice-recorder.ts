'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { createLevelMeter, type LevelMeter } from '@/lib/audio/level-meter';
import { microphoneProblem, recordingProblem } from '@/lib/audio/microphone-problem';
import { pickRecordingFormat } from '@/lib/audio/recording-format';
import { requestTranscription, TranscriptionRequestError } from '@/lib/audio/request-transcription';

/** Where voice input is: idle, asking for the microphone, recording, uploading, or stopped by a problem. */
export type VoicePhase = 'idle' | 'starting' | 'recording' | 'transcribing' | 'failed';

/** A recording that could not be transcribed yet; kept so nothing the user said is lost. */
interface KeptRecording {
  blob: Blob;
}

/** The longest recording; Whisper bills by the second and a chat message rarely needs more. */
export const maxRecordingMs = 120_000;

interface Session {
  stream: MediaStream;
  recorder: MediaRecorder;
  meter: LevelMeter;
  chunks: Blob[];
  startedAt: number;
  peakLevel: number;
  cancelled: boolean;
  frame: number;
}

/**
 * Microphone recording with MediaRecorder, a live level from an AnalyserNode, a 2-minute cap,
 * and upload to /api/transcribe. A failed upload keeps the recording for `retry`.
 */
export function useVoiceRecorder(onTranscript: (text: string) => void) {
  const [phase, setPhase] = useState<VoicePhase>('idle');
  const [elapsedMs, setElapsedMs] = useState(0);
  const [level, setLevel] = useState(0);
  const [problem, setProblem] = useState<{ message: string; canRetry: boolean } | undefined>();
  const session = useRef<Session | undefined>(undefined);
  const kept = useRef<KeptRecording | undefined>(undefined);
  const stopWhenStarted = useRef(false);
  const upload = useRef<AbortController | undefined>(undefined);
  const transcriptHandler = useRef(onTranscript);
  useEffect(() => {
    transcriptHandler.current = onTranscript;
  });

  const fail = useCallback((message: string, canRetry: boolean) => {
    setProblem({ message, canRetry });
    setPhase('failed');
  }, []);

  const transcribe = useCallback(async (blob: Blob) => {
    kept.current = { blob };
    setProblem(undefined);
    setPhase('transcribing');
    const controller = new AbortController();
    upload.current = controller;
    try {
      const answer = await requestTranscription(blob, controller.signal);
      if (controller.signal.aborted) return;
      kept.current = undefined;
      if (answer.text.trim() === '') return fail('No speech was recognised in the recording. Try again, a little closer to the microphone.', false);
      setPhase('idle');
      transcriptHandler.current(answer.text.trim());
    } catch (error) {
      if (controller.signal.aborted) return;
      const retryable = !(error instanceof TranscriptionRequestError) || error.retryable;
      if (!retryable) kept.current = undefined;
      fail(error instanceof Error ? error.message : 'Transcription failed.', retryable);
    }
  }, [fail]);

  const release = useCallback((current: Session) => {
    cancelAnimationFrame(current.frame);
    current.meter.close();
    for (const track of current.stream.getTracks()) track.stop();
    if (session.current === current) session.current = undefined;
  }, []);

  const stop = useCallback(() => {
    const current = session.current;
    if (current === undefined) {
      stopWhenStarted.current = true;
      return;
    }
    if (current.recorder.state !== 'inactive') current.recorder.stop();
  }, []);

  const cancel = useCallback(() => {
    const current = session.current;
    if (current === undefined) return;
    current.cancelled = true;
    if (current.recorder.state !== 'inactive') current.recorder.stop();
  }, []);

  const start = useCallback(async () => {
    if (session.current !== undefined) return;
    if (!window.isSecureContext) return fail(microphoneProblem('insecure'), false);
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') return fail(microphoneProblem('unsupported'), false);
    kept.current = undefined;
    stopWhenStarted.current = false;
    setProblem(undefined);
    setPhase('starting');
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true } });
    } catch (error) {
      return fail(microphoneProblem(error), false);
    }
    const mimeType = pickRecordingFormat((type) => MediaRecorder.isTypeSupported(type));
    const recorder = new MediaRecorder(stream, mimeType === undefined ? undefined : { mimeType });
    const current: Session = { stream, recorder, meter: createLevelMeter(stream), chunks: [], startedAt: performance.now(), peakLevel: 0, cancelled: false, frame: 0 };
    session.current = current;

    recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size > 0) current.chunks.push(event.data);
    });
    recorder.addEventListener('stop', () => {
      const durationMs = performance.now() - current.startedAt;
      release(current);
      setLevel(0);
      if (current.cancelled) return setPhase('idle');
      const tooLittle = recordingProblem({ durationMs, peakLevel: current.peakLevel });
      if (tooLittle !== undefined) return fail(tooLittle, false);
      void transcribe(new Blob(current.chunks, { type: recorder.mimeType || mimeType || 'audio/webm' }));
    });

    const tick = () => {
      const elapsed = performance.now() - current.startedAt;
      const now = current.meter.read();
      current.peakLevel = Math.max(current.peakLevel, now);
      setLevel(now);
      setElapsedMs(elapsed);
      if (elapsed >= maxRecordingMs) return stop();
      current.frame = requestAnimationFrame(tick);
    };
    // A timeslice hands over data as it comes, so a long recording is not one allocation at the end.
    recorder.start(1000);
    setElapsedMs(0);
    setPhase('recording');
    current.frame = requestAnimationFrame(tick);
    // The key (or click) that meant "stop" may have come while the permission prompt was open.
    if (stopWhenStarted.current) stop();
  }, [fail, release, stop, transcribe]);

  const retry = useCallback(() => {
    if (kept.current !== undefined) void transcribe(kept.current.blob);
  }, [transcribe]);

  const dismiss = useCallback(() => {
    kept.current = undefined;
    setProblem(undefined);
    setPhase('idle');
  }, []);

  // Leaving the page mid-recording must not leave the microphone on.
  useEffect(() => () => {
    upload.current?.abort();
    const current = session.current;
    if (current !== undefined) {
      current.cancelled = true;
      if (current.recorder.state !== 'inactive') current.recorder.stop();
      release(current);
    }
  }, [release]);

  return { phase, elapsedMs, level, problem, start, stop, cancel, retry, dismiss };
}
