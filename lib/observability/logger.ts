import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import { env } from '@/lib/env';
import { processState } from '@/lib/process-state';
import { prettyLine } from './pretty-line';
import { censor, redact, redactPaths } from './redact';

export type { Logger } from 'pino';

/** Options for {@link createLogger}; the defaults read nothing but what they are given. */
export type LoggerOptions = {
  level?: Level | 'silent';
  /** Where JSON lines go; stdout when absent. */
  destination?: DestinationStream;
  /** Human-readable lines instead of JSON (a terminal in development). */
  pretty?: boolean;
};

/** A pino logger writing JSON lines, with keys, auth headers and prompt text redacted at any depth. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const stdout: DestinationStream = { write: (line: string) => void process.stdout.write(line) };
  const target = options.destination ?? stdout;
  const destination: DestinationStream = options.pretty ? { write: (line: string) => target.write(prettyLine(line)) } : target;
  return pino(
    {
      level: options.level ?? 'info',
      base: { pid: process.pid },
      redact: { paths: redactPaths, censor },
      formatters: {
        log: (object) => redact(object) as Record<string, unknown>,
        bindings: (bindings) => redact(bindings) as Record<string, unknown>,
      },
    },
    destination,
  );
}

/**
 * The process logger, shared across Next's module graphs and dev reloads. Pretty only on a terminal
 * outside production, so `npm run dev` is readable and `npm start` writes JSON for collectors.
 */
export function logger(): Logger {
  return processState<Logger>('logger', () => createLogger({
    level: env.logLevel,
    // NODE_ENV is a build-time constant Next inlines, not configuration, so it is read here.
    pretty: process.stdout.isTTY === true && process.env.NODE_ENV !== 'production',
  }));
}
