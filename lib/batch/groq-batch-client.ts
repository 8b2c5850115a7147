import { z } from 'zod';

/** Where Groq (or the emulator) is: the OpenAI-compatible base URL ending in /openai/v1, and the key. */
export type GroqBatchConfig = { baseURL: string; apiKey: string; fetch?: typeof fetch };

const batchSchema = z.object({
  id: z.string(),
  status: z.enum(['validating', 'failed', 'in_progress', 'finalizing', 'completed', 'expired', 'cancelling', 'cancelled']),
  output_file_id: z.string().nullish(),
  error_file_id: z.string().nullish(),
  request_counts: z.object({ total: z.number(), completed: z.number(), failed: z.number() }).nullish(),
  errors: z.object({ data: z.array(z.object({ code: z.string().nullish(), message: z.string().nullish(), line: z.number().nullish(), param: z.string().nullish() })).nullish() }).nullish(),
});

/** Groq's batch object, as far as Flint reads it. */
export type GroqBatch = z.infer<typeof batchSchema>;

/** Thrown when Groq answers an error; the status says whether to try again. */
export class GroqBatchError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'GroqBatchError';
    this.status = status;
  }
}

/** Calls Groq's Files and Batch API with plain fetch (no SDK in production code), answers parsed with zod. */
export function groqBatchClient(config: GroqBatchConfig) {
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await (config.fetch ?? fetch)(`${config.baseURL}${path}`, { ...init, headers: { authorization: `Bearer ${config.apiKey}`, ...init.headers } });
    if (!response.ok) {
      await response.body?.cancel();
      throw new GroqBatchError(response.status, `Groq answered ${response.status} to ${init.method ?? 'GET'} ${path}`);
    }
    return response;
  };
  const json = async (path: string, init?: RequestInit) => (await call(path, init)).json() as Promise<unknown>;
  return {
    async uploadFile(filename: string, content: string): Promise<string> {
      const form = new FormData();
      form.set('purpose', 'batch');
      form.set('file', new File([content], filename, { type: 'application/jsonl' }));
      return z.object({ id: z.string() }).parse(await json('/files', { method: 'POST', body: form })).id;
    },
    async createBatch(inputFileId: string, completionWindow: string): Promise<GroqBatch> {
      const body = JSON.stringify({ input_file_id: inputFileId, endpoint: '/v1/chat/completions', completion_window: completionWindow });
      return batchSchema.parse(await json('/batches', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    },
    getBatch: async (id: string) => batchSchema.parse(await json(`/batches/${encodeURIComponent(id)}`)),
    cancelBatch: async (id: string) => batchSchema.parse(await json(`/batches/${encodeURIComponent(id)}/cancel`, { method: 'POST' })),
    fileContent: async (id: string) => (await call(`/files/${encodeURIComponent(id)}/content`)).text(),
  };
}
