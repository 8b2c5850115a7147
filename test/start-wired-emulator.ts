import { startEmulator, type RunningEmulator } from '@/emulator/server';
import type { EmulatorOptions } from '@/emulator/types';

/**
 * Starts the emulator on a free port and points the app's provider settings at it. lib/env.ts
 * reads the environment once, at import, so call this before importing anything that uses it.
 */
export async function startWiredEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port: 0, speed: 0, ...options });
  process.env.GROQ_API_KEY = 'gsk_integration';
  process.env.GROQ_BASE_URL = emulator.groqBaseURL;
  process.env.OPENAI_API_KEY = 'sk-integration';
  process.env.OPENAI_BASE_URL = emulator.openaiBaseURL;
  // The client rate guard off, as for load tests: a test that is about the guard sets its own limit.
  process.env.FLINT_RATE_LIMIT ??= '0';
  // The process logger quiet: a test about log lines builds a runtime with a logger of its own.
  process.env.LOG_LEVEL ??= 'silent';
  return emulator;
}
