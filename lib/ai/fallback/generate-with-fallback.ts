import type { LanguageModelV4CallOptions, LanguageModelV4GenerateResult } from '@ai-sdk/provider';
import { addUsage } from '../usage/add-usage';
import { AllModelsFailedError } from './all-models-failed-error';
import { startFallbackRun, type FallbackContext } from './fallback-run';
import { stopError } from './stop-error';
import { untilAborted } from './until-aborted';

/**
 * doGenerate of the fallback model: the same walk as streaming, without the first-token deadline
 * (a complete answer takes as long as it takes) and without a mid-stream case; the total deadline applies.
 */
export async function generateWithFallback(
  context: FallbackContext,
  options: LanguageModelV4CallOptions,
): Promise<LanguageModelV4GenerateResult> {
  const run = startFallbackRun(context, options.abortSignal);
  try {
    for (const candidate of context.candidates) {
      if (run.callerAborted()) throw run.callerReason();
      if (run.deadlinePassed()) break;
      if (!run.admit(candidate, 'answer')) continue;
      const attempt = run.startAttempt(candidate, 'answer', false);
      try {
        const result = await untilAborted(candidate.model.doGenerate({ ...options, abortSignal: attempt.signal }), attempt.signal);
        attempt.markResponsive();
        attempt.succeeded(result.usage);
        context.trace.servedBy = candidate.entry;
        context.trace.usage = addUsage(context.trace.usage, result.usage);
        return { ...result, response: { ...result.response, modelId: result.response?.modelId ?? candidate.entry.id } };
      } catch (error) {
        const verdict = attempt.failed(error, false);
        if (verdict.aborted) throw run.callerReason();
        if (verdict.failure.action === 'stop') throw stopError(verdict.failure, error, run.attempts());
      }
    }
    throw new AllModelsFailedError(run.attempts());
  } finally {
    run.dispose();
  }
}
