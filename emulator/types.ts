/** Which provider's dialect a request speaks, decided by its path prefix. */
export type Provider = 'groq' | 'openai';

/** What a model can do, as listed under `supported_features` by GET /models. */
export type ModelFeature = 'tools' | 'json_mode' | 'structured_outputs' | 'reasoning';

/** One row of the emulated model catalog. */
export type EmulatedModel = {
  id: string;
  provider: Provider;
  kind: 'chat' | 'transcription';
  created: number;
  ownedBy: string;
  /** Id echoed in responses; OpenAI answers with a dated snapshot. */
  responseId?: string;
  contextWindow?: number;
  maxCompletionTokens?: number;
  inputModalities: string[];
  outputModalities: string[];
  supportedFeatures: ModelFeature[];
  /** Groq's built-in tools the model can run (gpt-oss only). */
  serverTools?: ServerToolType[];
  /** Nominal generation speed before the `speed` multiplier. */
  tokensPerSecond?: number;
  /** Limits reported in x-ratelimit-* headers (Groq: requests per day, tokens per minute). */
  limits: { requests: number; tokens: number };
  vision?: { maxImages: number; maxBase64Bytes: number };
  /** Transcription response formats the model accepts. */
  transcriptionFormats?: string[];
};

/** A model id Groq has shut down, with the replacement it recommends. */
export type DecommissionedModel = { id: string; shutDown: string; replacement: string };

/** Faults that change what the model generates: Groq's 400s with `failed_generation`, or JSON that breaks the schema. */
export type GenerationFaultKind = 'tool_use_failed' | 'json_validate_failed' | 'schema_mismatch';

/** The fault kinds the emulator can inject. */
export type FaultKind = 'status' | 'stall' | 'drop' | 'error-frame' | 'slow' | GenerationFaultKind;

/** Groq's server-side tools, run by Groq within the request. */
export type ServerToolType = 'browser_search' | 'code_interpreter';

/** A fault as posted to /_emulator/faults or passed to `faults.add`. */
export type FaultSpec = {
  provider: Provider;
  /** Only requests for this model; all models of the provider when absent. */
  model?: string;
  /** Only this endpoint; any provider endpoint when absent. */
  endpoint?: 'chat' | 'transcription' | 'models';
  /** Chat only: `true` matches only calls whose conversation carries tool results (a later step of a tool loop), `false` only calls without. */
  withToolResults?: boolean;
  kind: FaultKind;
  /** Apply to the first N matching requests only; unlimited when absent. */
  times?: number;
  /** Apply to this share (0-1) of matching requests, drawn at random; all when absent. A request not drawn goes on to the next fault. */
  fraction?: number;
  /** Seed of the `fraction` draw, so a faulted run can be replayed exactly (default 1). */
  seed?: number;
  status?: number;
  retryAfterSeconds?: number;
  message?: string;
  type?: string;
  code?: string;
  ms?: number;
  afterChunks?: number;
};

/** One call the emulator received, for "exactly one upstream call" assertions. */
export type RequestLogEntry = {
  provider: Provider;
  method: string;
  path: string;
  model?: string;
  stream: boolean;
  /** Status answered; 0 while pending or when no headers were ever sent. */
  status: number;
  fault?: FaultKind;
  /** Chat calls: the image_url parts received, with their media type and URL length (for vision tests). */
  images?: Array<{ mediaType: string; urlLength: number }>;
  /** Chat calls: `text`, `json_object`, `json_schema` or `json_schema:strict`, to prove which mode a client chose. */
  responseFormat?: string;
  /** Chat calls: names of the function tools and types of the built-in tools offered. */
  tools?: string[];
  /** Chat calls: how many tool results the conversation carries (a continued tool step shows here). */
  toolResults?: number;
  /** Chat calls: the last user message's text, cut to 300 characters (to check what a client re-asked). */
  lastUserText?: string;
  /** Chat calls answered: the prompt and completion tokens the usage reports (to check sums over steps). */
  usage?: { promptTokens: number; completionTokens: number };
  /** SHA-256 (hex) of the Authorization header exactly as received. */
  authorizationSha256?: string;
  time: string;
};

/** Decides whether a bearer key is accepted by a provider. */
export type AcceptKey = (key: string, provider: Provider) => boolean;

/** Options of `startEmulator`, also settable from the CLI. */
export type EmulatorOptions = {
  /** 0 picks a random free port. */
  port?: number;
  /** Multiplies every model's tokens/second; 0 or Infinity streams as fast as possible. */
  speed?: number;
  /** Fixed text for every non-silent transcription. */
  transcript?: string;
  /** Replaces the default catalog, e.g. to simulate a delisted model. */
  models?: EmulatedModel[];
  acceptKey?: AcceptKey;
  /** Faults installed at start. */
  faults?: FaultSpec[];
  /** The clock the rate-limit windows drain by; tests pin it to read exact header deltas. */
  rateClock?: () => number;
};

/** Mutable settings shared by all handlers of one emulator instance. */
export type EmulatorSettings = {
  speed: number;
  transcript?: string;
  models: EmulatedModel[];
  acceptKey: AcceptKey;
};
