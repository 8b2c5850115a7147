import type { ServerResponse } from 'node:http';

/** Waits `ms` (forever when undefined), resolving early with false if the client disconnects meanwhile. */
export function waitUnlessClosed(response: ServerResponse, ms: number | undefined): Promise<boolean> {
  if (response.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = () => {
      if (timer) clearTimeout(timer);
      resolve(false);
    };
    const timer = ms === undefined || !Number.isFinite(ms) ? undefined : setTimeout(() => {
      response.off('close', onClose);
      resolve(true);
    }, ms);
    response.once('close', onClose);
  });
}
