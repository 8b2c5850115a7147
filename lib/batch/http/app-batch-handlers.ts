import 'server-only';
import { batchRuntime } from '../default-batch-runtime';
import { authenticateBatchCaller } from './authenticate-batch-caller';
import { createBatchHandlers } from './batch-handlers';

/** The handlers the app's /v1 and /openai/v1 batch routes export. */
export const batchHandlers = createBatchHandlers({ runtime: batchRuntime, authenticate: (request) => authenticateBatchCaller(request) });
