/**
 * Worker-thread entry of `SitesDayPool`: reads daily site files sent by the main thread and sends the result
 * back, transferring the values buffer (no copy). Buffers the main thread is done with come back (`recycle`)
 * and are reused, so a long import does not keep allocating fresh 6 MB buffers. Not imported by anything else.
 */
import { parentPort } from 'node:worker_threads';
import { parseSitesDay, type SitesDayLimits } from './sites-day.js';

/** A request from the pool: a file to read, or a buffer to reuse. */
export type SitesWorkerRequest =
  | { id: number; file: string; bytes: Uint8Array; limits?: Partial<SitesDayLimits> }
  | { recycle: ArrayBuffer };

const free: ArrayBuffer[] = [];

parentPort?.on('message', (req: SitesWorkerRequest) => {
  if ('recycle' in req) {
    if (free.length < 4) free.push(req.recycle);
    return;
  }
  const spare = free.pop();
  const reuse = spare ? new Float64Array(spare) : undefined;
  const result = parseSitesDay(req.bytes, { file: req.file, ...(req.limits ? { limits: req.limits } : {}), ...(reuse ? { reuse } : {}) });
  const used = result.day?.values.buffer as ArrayBuffer | undefined;
  if (spare && used !== spare) free.push(spare);
  parentPort?.postMessage({ id: req.id, result }, used ? [used] : []);
});
