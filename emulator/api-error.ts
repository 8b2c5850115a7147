import type { Provider } from './types.ts';

/** The fields of a provider error before it is shaped into a body. */
export type ApiErrorFields = {
  status: number;
  message: string;
  type: string;
  code?: string | null;
  param?: string | null;
  /** Groq's `failed_generation` on tool_use_failed and json_validate_failed. */
  failedGeneration?: string;
};

/** An HTTP error the handlers throw; the router turns it into the provider's error body. */
export class ApiError extends Error {
  readonly fields: ApiErrorFields;
  readonly headers: Record<string, string>;

  constructor(fields: ApiErrorFields, headers: Record<string, string> = {}) {
    super(fields.message);
    this.name = 'ApiError';
    this.fields = fields;
    this.headers = headers;
  }

  /** Recognises an ApiError without relying on `instanceof` across module copies. */
  static isInstance(value: unknown): value is ApiError {
    return value instanceof Error && value.name === 'ApiError' && 'fields' in value;
  }
}

/** Builds the error body: OpenAI always has `param` and `code`; Groq omits what is unset. */
export function errorBody(provider: Provider, fields: ApiErrorFields): { error: Record<string, string | null> } {
  if (provider === 'openai') {
    return { error: { message: fields.message, type: fields.type, param: fields.param ?? null, code: fields.code ?? null } };
  }
  const error: Record<string, string | null> = { message: fields.message, type: fields.type };
  if (fields.code != null) error.code = fields.code;
  if (fields.param != null) error.param = fields.param;
  if (fields.failedGeneration !== undefined) error.failed_generation = fields.failedGeneration;
  return { error };
}

/** A 400 invalid_request_error, the most common validation failure. */
export function invalidRequest(message: string, param?: string, code?: string): ApiError {
  return new ApiError({ status: 400, message, type: 'invalid_request_error', param: param ?? null, code: code ?? null });
}
