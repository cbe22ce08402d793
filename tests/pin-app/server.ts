import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { build } from 'esbuild';
import { z } from 'zod';
import { pinEventTypeSchema } from '../../lib/model/pin';
import { type Dataset, parseDataset, STATUS_AFTER_EVENT } from './dataset';
import type { Markup } from './render-shared';

const HERE = import.meta.dirname;
export const SAMPLE_DATASET_PATH = path.resolve(HERE, '../fixtures/pin-dataset.json');

export function loadDataset(file: string): Dataset {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read dataset ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return parseDataset(raw, `dataset ${file}`);
}

let clientBundle: Promise<string> | null = null;
function bundleClient(): Promise<string> {
  clientBundle ??= build({
    entryPoints: [path.join(HERE, 'client.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return clientBundle;
}

const eventSchema = z
  .object({ jobId: z.string(), candidateId: z.string(), type: pinEventTypeSchema })
  .strict();

const shell = (markup: Markup) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pin</title><link rel="stylesheet" href="/static/${markup === 'utility' ? 'utility' : 'app'}.css"></head>
<body><script type="module" src="/static/app.js?markup=${markup}"></script></body></html>`;

export interface PinApp {
  url: string;
  markup: Markup;
  state(): Dataset;
  /** Applies a control event now; returns the error message when the event is not valid. */
  event(input: unknown): { ok: true } | { ok: false; error: string };
  reset(): void;
  close(): Promise<void>;
}

/** The demo Pin app: one dataset, its events, the SPA, the JSON API and the control API, on 127.0.0.1. */
export async function startPinApp(options: {
  dataset: Dataset;
  port?: number;
  now?: () => Date;
  /** `classic` (default) or `utility`: the same app written like a utility-class app (SPEC §3.1). */
  markup?: Markup;
}): Promise<PinApp> {
  const markup = options.markup ?? 'classic';
  const original = JSON.stringify(options.dataset);
  let data: Dataset = JSON.parse(original);
  let version = 1;
  const now = options.now ?? (() => new Date());

  const applyEvent = (input: unknown): { ok: true } | { ok: false; error: string } => {
    const parsed = eventSchema.safeParse(input);
    if (!parsed.success)
      return {
        ok: false,
        error: parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
      };
    const { jobId, candidateId, type } = parsed.data;
    const entry = data.pipeline.find((p) => p.jobId === jobId && p.candidateId === candidateId);
    if (!entry) return { ok: false, error: `Candidate "${candidateId}" is not in job "${jobId}"` };
    entry.events.push({ type, at: now().toISOString() });
    entry.status = STATUS_AFTER_EVENT[type];
    version += 1;
    return { ok: true };
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status: number, body: unknown, type = 'application/json; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const readJson = async (): Promise<unknown> => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      try {
        return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
      } catch {
        return undefined;
      }
    };
    try {
      if (req.method === 'GET' && url.pathname === '/api/state') {
        if (url.searchParams.get('since') === String(version)) {
          res.writeHead(204, { 'cache-control': 'no-store' }).end();
          return;
        }
        return send(200, { version, dataset: data });
      }
      if (req.method === 'GET' && url.pathname === '/__control/state') return send(200, data);
      const candidateId = /^\/api\/candidates\/([^/]+)$/.exec(url.pathname)?.[1];
      if (req.method === 'GET' && candidateId !== undefined) {
        const candidate = data.candidates.find((c) => c.id === decodeURIComponent(candidateId));
        return candidate ? send(200, candidate) : send(404, { error: `No candidate ${candidateId}` });
      }
      if (req.method === 'POST' && (url.pathname === '/__control/events' || url.pathname === '/api/events')) {
        const result = applyEvent(await readJson());
        return result.ok ? send(200, { ok: true, version }) : send(400, { ok: false, error: result.error });
      }
      if (req.method === 'POST' && url.pathname === '/__control/reset') {
        data = JSON.parse(original);
        version += 1;
        return send(200, { ok: true, version });
      }
      if (req.method === 'GET' && url.pathname === '/static/app.js')
        return send(200, await bundleClient(), 'text/javascript; charset=utf-8');
      if (
        req.method === 'GET' &&
        (url.pathname === '/static/app.css' || url.pathname === '/static/utility.css')
      ) {
        const file = url.pathname === '/static/app.css' ? 'styles.css' : 'utility.css';
        return send(200, fs.readFileSync(path.join(HERE, file), 'utf8'), 'text/css; charset=utf-8');
      }
      if (
        req.method === 'GET' &&
        !url.pathname.startsWith('/api/') &&
        !url.pathname.startsWith('/__control/')
      ) {
        return send(200, shell(markup), 'text/html; charset=utf-8');
      }
      send(404, { error: `No route ${req.method} ${url.pathname}` });
    } catch (error) {
      send(500, { error: error instanceof Error ? error.message : String(error) });
    }
  });

  await bundleClient();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://127.0.0.1:${port}`,
    markup,
    state: () => data,
    event: applyEvent,
    reset: () => {
      data = JSON.parse(original);
      version += 1;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
