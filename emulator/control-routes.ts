import type { IncomingMessage, ServerResponse } from 'node:http';
import { budgetOverridesRoute } from './budget-overrides.ts';
import type { EmulatorServices } from './call-context.ts';
import { faultProblem } from './faults.ts';
import { readBody } from './read-body.ts';
import { sendJson } from './send-json.ts';
import type { FaultSpec } from './types.ts';

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request, 1024 * 1024)).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

function noContent(response: ServerResponse): void {
  response.writeHead(204);
  response.end();
}

/** The test-control API under /_emulator: faults, the request log, and runtime settings. */
export async function controlRoute(services: EmulatorServices, request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
  const route = `${request.method} ${path.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /_emulator':
      return sendJson(response, 200, { ok: true, activeStreams: services.pacer.activeCount(), speed: services.settings.speed });
    case 'GET /_emulator/faults':
      return sendJson(response, 200, services.faults.list());
    case 'POST /_emulator/faults': {
      const body = await readJson(request);
      const specs = Array.isArray(body) ? body : [body];
      const problem = specs.map(faultProblem).find(Boolean);
      if (problem) return sendJson(response, 400, { error: { message: `invalid fault: ${problem}` } });
      for (const spec of specs) services.faults.add(spec as FaultSpec);
      return sendJson(response, 201, services.faults.list());
    }
    case 'DELETE /_emulator/faults':
      services.faults.clear();
      return noContent(response);
    case 'GET /_emulator/requests':
      return sendJson(response, 200, services.requestLog.list());
    case 'DELETE /_emulator/requests':
      services.requestLog.clear();
      return noContent(response);
    case 'POST /_emulator/config': {
      const body = (await readJson(request)) as { transcript?: string | null; speed?: number };
      if (body.transcript !== undefined) services.settings.transcript = body.transcript ?? undefined;
      if (typeof body.speed === 'number') services.settings.speed = body.speed;
      return sendJson(response, 200, { speed: services.settings.speed, transcript: services.settings.transcript ?? null });
    }
    case 'GET /_emulator/rate-limits':
    case 'POST /_emulator/rate-limits':
    case 'DELETE /_emulator/rate-limits':
      return budgetOverridesRoute(services.rateLimits, request, response);
    default:
      return sendJson(response, 404, { error: { message: `Unknown emulator control route: ${route}` } });
  }
}
