import { emulatorPort } from '../playwright.config';

const base = `http://127.0.0.1:${emulatorPort}/_emulator`;

/** Asks the emulator to misbehave for the next matching requests. */
export async function addFault(fault: Record<string, unknown>) {
  const response = await fetch(`${base}/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (!response.ok) throw new Error(`emulator refused fault: ${response.status} ${await response.text()}`);
}

/** Clears every fault and the request log, so each test starts from a healthy emulator. */
export async function resetEmulator() {
  await fetch(`${base}/faults`, { method: 'DELETE' });
  await fetch(`${base}/requests`, { method: 'DELETE' });
}

/** How many streamed replies the emulator is still sending. */
export async function activeUpstreamStreams(): Promise<number> {
  const response = await fetch(base);
  return ((await response.json()) as { activeStreams: number }).activeStreams;
}

/** The upstream calls the emulator has seen since the last reset. */
export async function upstreamRequests(): Promise<UpstreamRequest[]> {
  const response = await fetch(`${base}/requests`);
  return (await response.json()) as UpstreamRequest[];
}

/** One call in the emulator's request log; `images` lists the image_url parts a chat call carried, `tools` the tools offered, `toolResults` the tool results it carried. */
export type UpstreamRequest = {
  provider: string;
  path: string;
  model?: string;
  status?: number;
  images?: Array<{ mediaType: string; urlLength: number }>;
  tools?: string[];
  toolResults?: number;
};
