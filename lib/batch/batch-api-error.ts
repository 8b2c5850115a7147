import type { LineProblem } from './parse-batch-jsonl';

/** A client-facing error in OpenAI's shape (`{error:{message,type,param,code}}`), safe to show as it is. */
export class BatchApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly param: string | null;
  /** For a refused file: every line problem found (first ones), each with its line number. */
  readonly problems: LineProblem[];
  private readonly marker = 'flint.batch-api-error';

  constructor(status: number, code: string, message: string, options: { param?: string | null; problems?: LineProblem[] } = {}) {
    super(message);
    this.name = 'BatchApiError';
    this.status = status;
    this.code = code;
    this.param = options.param ?? null;
    this.problems = options.problems ?? [];
  }

  static isInstance(error: unknown): error is BatchApiError {
    return typeof error === 'object' && error !== null && (error as { marker?: unknown }).marker === 'flint.batch-api-error';
  }

  /** The body the API answers with; `line` and `problems` are Flint's additions for bad files. */
  toBody() {
    const first = this.problems[0];
    return { error: { message: this.message, type: 'invalid_request_error', param: this.param, code: this.code, ...(first ? { line: first.line, problems: this.problems } : {}) } };
  }
}
