import type { BatchDb } from './batch-db';
import { BatchApiError } from './batch-api-error';
import { batchLimits } from './batch-limits';
import { batchObject, fileObject } from './batch-object';
import { batchProgress } from './batch-progress';
import { batchQueries } from './batch-queries';
import { chooseEngine } from './choose-engine';
import { estimateLineTokens } from './estimate-line-tokens';
import { fileQueries } from './file-queries';
import { parseBatchJsonl } from './parse-batch-jsonl';
import type { PriceLine } from './price-line';
import type { BatchEngine } from './schema';

/** What the batch service needs: the database, how to wake the engines, and what Groq serves. */
export type BatchServiceOptions = {
  db: BatchDb;
  /** Called after a batch is created or cancelled so its engine looks now. */
  wake: (engine: BatchEngine) => void;
  providerConfigured: boolean;
  isGroqModel: (model: string) => boolean;
  /** Prices an estimated completion at the synchronous price (the provider engine halves it). */
  price: PriceLine;
  now?: () => number;
};

function notFound(kind: 'file' | 'batch', id: string): BatchApiError {
  return new BatchApiError(404, 'not_found', `No ${kind} found with id '${id}'.`, { param: kind === 'file' ? 'file_id' : 'batch_id' });
}

function windowHours(window: unknown): number | undefined {
  const match = typeof window === 'string' ? /^(\d+)(h|d)$/.exec(window) : null;
  if (!match) return undefined;
  const hours = Number(match[1]) * (match[2] === 'd' ? 24 : 1);
  return hours >= batchLimits.minWindowHours && hours <= batchLimits.maxWindowHours ? hours : undefined;
}

/** The batch API's operations in OpenAI's shapes, for one caller (`owner`); routes stay thin over it. */
export function createBatchService(options: BatchServiceOptions) {
  const files = fileQueries(options.db);
  const batches = batchQueries(options.db);
  const now = options.now ?? Date.now;

  return {
    /** Stores a batch input file after checking every line; a bad file is refused naming its lines. */
    async uploadFile(owner: string, input: { filename: string; purpose: unknown; content: string }) {
      if (input.purpose !== 'batch') throw new BatchApiError(400, 'invalid_purpose', "purpose must be 'batch'.", { param: 'purpose' });
      const parsed = parseBatchJsonl(input.content);
      if (!parsed.ok) {
        const first = parsed.problems[0];
        throw new BatchApiError(400, first?.code ?? 'invalid_file', first?.message ?? 'The file is not a valid batch file.', { param: 'file', problems: parsed.problems });
      }
      return fileObject(await files.create({ owner, filename: input.filename, purpose: 'batch', content: input.content, lineCount: parsed.lines.length }));
    },
    async getFile(owner: string, id: string) {
      const row = await files.get(id, owner);
      if (!row) throw notFound('file', id);
      return fileObject(row);
    },
    async fileContent(owner: string, id: string) {
      const row = await files.get(id, owner);
      if (!row) throw notFound('file', id);
      return { filename: row.filename, content: row.content };
    },
    /** Creates a batch from an uploaded file, choosing its engine, with a cost estimate made before it starts. */
    async createBatch(owner: string, body: { input_file_id?: unknown; endpoint?: unknown; completion_window?: unknown; metadata?: unknown }) {
      if (typeof body.input_file_id !== 'string') throw new BatchApiError(400, 'missing_required_parameter', 'input_file_id is required.', { param: 'input_file_id' });
      if (body.endpoint !== batchLimits.endpoint) throw new BatchApiError(400, 'invalid_endpoint', `endpoint must be '${batchLimits.endpoint}'.`, { param: 'endpoint' });
      const hours = windowHours(body.completion_window);
      if (hours === undefined) throw new BatchApiError(400, 'invalid_completion_window', 'completion_window must be between 24h and 7d (e.g. "24h", "7d").', { param: 'completion_window' });
      const metadata = body.metadata === undefined || body.metadata === null ? null : body.metadata;
      if (metadata !== null && (typeof metadata !== 'object' || Array.isArray(metadata) || Object.values(metadata).some((value) => typeof value !== 'string'))) {
        throw new BatchApiError(400, 'invalid_metadata', 'metadata must be an object of strings.', { param: 'metadata' });
      }
      const tags = metadata as Record<string, string> | null;
      const file = await files.get(body.input_file_id, owner);
      if (!file || file.purpose !== 'batch') throw notFound('file', body.input_file_id);
      const parsed = parseBatchJsonl(file.content);
      if (!parsed.ok) throw new BatchApiError(400, 'invalid_file', 'The input file is not a valid batch file.', { param: 'input_file_id', problems: parsed.problems });
      const models = [...new Set(parsed.lines.map((line) => String(line.body.model)))];
      const engine = chooseEngine(tags?.flint_engine, models, options);
      if (typeof engine !== 'string') throw new BatchApiError(400, 'invalid_engine', engine.problem, { param: 'metadata.flint_engine' });
      const discount = engine === 'provider' ? 0.5 : 1;
      const estimatedCostUsd = parsed.lines.reduce((sum, line) => {
        const cap = Number(line.body.max_completion_tokens ?? line.body.max_tokens) || 256;
        const usage = { prompt_tokens: estimateLineTokens(line.body, 0), completion_tokens: cap };
        return sum + options.price({ model: line.body.model, usage }, String(line.body.model)) * discount;
      }, 0);
      const row = await batches.create({ owner, engine, inputFileId: file.id, completionWindow: String(body.completion_window), windowHours: hours, metadata: tags, lines: parsed.lines, estimatedCostUsd, now: new Date(now()) });
      options.wake(engine);
      return batchObject(row);
    },
    async getBatch(owner: string, id: string) {
      const row = await batches.get(id, owner);
      if (!row) throw notFound('batch', id);
      return batchObject(row, batchProgress(row, now()));
    },
    /** The progress of a batch (counts, fraction, time left, cost), for the page's event stream. */
    async progress(owner: string, id: string) {
      const row = await batches.get(id, owner);
      if (!row) throw notFound('batch', id);
      return batchProgress(row, now());
    },
    async listBatches(owner: string, page: { limit?: number; after?: string }) {
      const limit = Math.min(100, Math.max(1, Math.floor(page.limit ?? 20)));
      const { rows, hasMore } = await batches.list(owner, { limit, after: page.after });
      return { object: 'list' as const, data: rows.map((row) => batchObject(row)), first_id: rows[0]?.id ?? null, last_id: rows.at(-1)?.id ?? null, has_more: hasMore };
    },
    async cancelBatch(owner: string, id: string) {
      const row = await batches.requestCancel(id, owner, new Date(now()));
      if (!row) throw notFound('batch', id);
      if (['completed', 'failed', 'expired'].includes(row.status)) throw new BatchApiError(409, 'batch_not_cancellable', `A batch that is ${row.status} cannot be cancelled.`);
      options.wake(row.engine);
      return batchObject(row);
    },
  };
}

/** The batch service's operations. */
export type BatchService = ReturnType<typeof createBatchService>;
