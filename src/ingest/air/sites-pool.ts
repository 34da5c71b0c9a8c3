/**
 * Parallel reading of daily site files with worker threads, for national years (365 files × ~2 MB): the
 * workers parse (the costly part), the main thread stores the values (`NationalYearAccumulator.addDay`).
 * Memory stays bounded: at most `workers × 2` files are in flight, and `accumulateSitesYear` pulls the next
 * file from the source only when a slot is free.
 *
 * The worker runs `sites-worker.js` beside this module; when this module runs from TypeScript sources (tests,
 * tsx), the worker registers tsx and loads `sites-worker.ts`.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { NationalYearAccumulator, type AddFileResult, type NationalYearOptions } from './national-year.js';
import type { SitesDayLimits, SitesDayResult } from './sites-day.js';
import type { SitesWorkerRequest } from './sites-worker.js';

/** Options of the pool. */
export interface SitesPoolOptions {
  /** Number of worker threads (default: the machine's parallelism, at most 8, at least 1). */
  workers?: number;
  limits?: Partial<SitesDayLimits>;
}

interface Pending {
  resolve: (r: SitesDayResult) => void;
  reject: (e: Error) => void;
}

/**
 * The worker's entry: `sites-worker.js` beside this module, or, when this module runs from TypeScript sources
 * (tests, `tsx bench/…`), a bootstrap that registers tsx in the worker and imports `sites-worker.ts`.
 */
function workerEntry(): URL {
  const here = import.meta.url;
  if (!/\.ts$/.test(new URL(here).pathname)) return new URL('./sites-worker.js', here);
  const tsxApi = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(new URL('./sites-worker.ts', here).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** A pool of worker threads that read daily site files. Close it when done. */
export class SitesDayPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: SitesPoolOptions = {}) {
    const n = Math.max(1, Math.min(8, options.workers ?? availableParallelism()));
    const entry = workerEntry();
    for (let i = 0; i < n; i++) {
      const w = new Worker(entry);
      w.on('message', (msg: { id: number; result: SitesDayResult }) => {
        const p = this.pending.get(msg.id);
        if (!p) return;
        this.pending.delete(msg.id);
        this.load[p.worker] = (this.load[p.worker] ?? 1) - 1;
        p.resolve(msg.result);
      });
      w.on('error', (e) => this.failAll(e));
      this.workers.push(w);
      this.load.push(0);
    }
  }

  /** Number of worker threads. */
  get size(): number {
    return this.workers.length;
  }

  private failAll(e: Error): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(e);
    }
  }

  /**
   * Reads one file in a worker. The bytes are copied to the worker, unless `transfer` is set and they own
   * their whole buffer: then the buffer moves to the worker (no copy, no fresh allocation there) and the
   * caller must not use it again.
   */
  parse(bytes: Uint8Array, file: string, options: { transfer?: boolean } = {}): Promise<SitesDayResult> {
    if (this.closed) return Promise.reject(new Error('SitesDayPool is closed'));
    let best = 0;
    for (let i = 1; i < this.load.length; i++) if ((this.load[i] ?? 0) < (this.load[best] ?? 0)) best = i;
    const id = this.nextId++;
    this.load[best] = (this.load[best] ?? 0) + 1;
    return new Promise<SitesDayResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker: best });
      const req: SitesWorkerRequest = { id, file, bytes, ...(this.options.limits ? { limits: this.options.limits } : {}) };
      const own = options.transfer === true && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      this.workers[best]?.postMessage(req, own ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  /** Gives a day's values buffer back to a worker for reuse, once the caller has copied what it needs. */
  recycle(values: Float64Array): void {
    if (this.closed || this.workers.length === 0) return;
    const buffer = values.buffer as ArrayBuffer;
    const w = this.workers[this.recycled++ % this.workers.length];
    w?.postMessage({ recycle: buffer } satisfies SitesWorkerRequest, [buffer]);
  }

  private recycled = 0;

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    this.failAll(new Error('SitesDayPool closed'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One daily file from a source: its name and bytes. */
export interface SitesFile {
  file: string;
  bytes: Uint8Array;
}

/** What `accumulateSitesYear` returns: the accumulator and each file's outcome, in the order read. */
export interface SitesYearImport {
  accumulator: NationalYearAccumulator;
  files: (AddFileResult & { file: string })[];
}

/**
 * Reads a year of daily files from a source (an iterable or async iterable of files, e.g. one that reads a
 * folder lazily) with a pool of workers, and stores them in a `NationalYearAccumulator`. The progress callback
 * of the options is called after each file. With `workers: 0` everything runs on the calling thread. With
 * `transferBytes` the files' buffers move to the workers (no copy): set it when the source hands out buffers
 * nobody else uses (e.g. freshly read files).
 */
export async function accumulateSitesYear(
  source: Iterable<SitesFile> | AsyncIterable<SitesFile>,
  options: NationalYearOptions & { workers?: number; transferBytes?: boolean },
): Promise<SitesYearImport> {
  const { workers, transferBytes: _transfer, ...yearOptions } = options;
  const acc = new NationalYearAccumulator({ ...yearOptions, onProgress: undefined });
  const files: SitesYearImport['files'] = [];
  let filesDone = 0;
  let bytesDone = 0;
  const progress = (file: string, size: number, accepted: boolean) => {
    filesDone++;
    bytesDone += size;
    options.onProgress?.({
      filesDone,
      bytesDone,
      ...(options.filesTotal !== undefined ? { filesTotal: options.filesTotal } : {}),
      ...(options.bytesTotal !== undefined ? { bytesTotal: options.bytesTotal } : {}),
      file,
      accepted,
    });
  };
  if (workers === 0) {
    for await (const f of source) {
      const r = acc.addFile(f.bytes, f.file);
      files.push({ file: f.file, ...r });
      progress(f.file, f.bytes.length, r.accepted);
    }
    return { accumulator: acc, files };
  }
  const pool = new SitesDayPool({ ...(workers !== undefined ? { workers } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  try {
    const window = pool.size * 2;
    const inFlight: { file: string; size: number; result: Promise<SitesDayResult> }[] = [];
    const drainOne = async () => {
      const head = inFlight.shift();
      if (!head) return;
      const read = await head.result;
      let r: AddFileResult;
      if (read.day === null) r = { accepted: false, date: null, issues: read.issues };
      else {
        const more = acc.addDay(read.day);
        pool.recycle(read.day.values);
        r = { accepted: !more.some((i) => i.severity === 'error'), date: read.day.date, issues: [...read.issues, ...more] };
      }
      files.push({ file: head.file, ...r });
      progress(head.file, head.size, r.accepted);
    };
    for await (const f of source) {
      inFlight.push({ file: f.file, size: f.bytes.length, result: pool.parse(f.bytes, f.file, { transfer: options.transferBytes === true }) });
      if (inFlight.length >= window) await drainOne();
    }
    while (inFlight.length) await drainOne();
  } finally {
    await pool.close();
  }
  return { accumulator: acc, files };
}
