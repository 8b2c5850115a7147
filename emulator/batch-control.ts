import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorServices } from './call-context.ts';
import { batchObject, stepBatch } from './batch-lifecycle.ts';
import { batchState } from './batch-state.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './send-json.ts';

type ControlBody = { steps?: unknown; ms?: unknown; advanceOnRetrieve?: unknown; linesPerStep?: unknown };

async function readControl(request: IncomingMessage): Promise<ControlBody> {
  const text = (await readBody(request, 64 * 1024)).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as ControlBody);
}

/**
 * The batch clock under /_emulator/batches: `POST .../advance {steps?, ms?}` moves the clock by `ms` and every batch
 * `steps` steps; `POST .../config {advanceOnRetrieve?, linesPerStep?}`; `GET` lists the batches.
 */
export async function batchControlRoute(services: EmulatorServices, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const state = batchState(services);
  const route = `${request.method} ${path.replace(/\/$/, '')}`;
  if (route === 'GET /_emulator/batches') return sendJson(response, 200, [...state.batches.values()].map(batchObject));
  const body = await readControl(request);
  if (route === 'POST /_emulator/batches/advance') {
    if (typeof body.ms === 'number') state.clockOffsetMs += body.ms;
    const steps = typeof body.steps === 'number' ? body.steps : 1;
    for (let step = 0; step < steps; step += 1) for (const batch of state.batches.values()) stepBatch(services, batch);
    return sendJson(response, 200, [...state.batches.values()].map(batchObject));
  }
  if (route === 'POST /_emulator/batches/config') {
    if (typeof body.advanceOnRetrieve === 'boolean') state.advanceOnRetrieve = body.advanceOnRetrieve;
    if (typeof body.linesPerStep === 'number') state.linesPerStep = body.linesPerStep > 0 ? body.linesPerStep : Infinity;
    return sendJson(response, 200, { advanceOnRetrieve: state.advanceOnRetrieve, linesPerStep: Number.isFinite(state.linesPerStep) ? state.linesPerStep : null });
  }
  return sendJson(response, 404, { error: { message: `Unknown emulator control route: ${route}` } });
}
