import { createHash, randomUUID } from 'node:crypto';
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

/** One request the demo app answered, for tests that count what the extension asked Pin. */
export interface PinRequest {
  at: number;
  method: string;
  path: string;
  status: number;
  /** The session cookie came with it. */
  withSession: boolean;
  ifNoneMatch: string | null;
}

export type SessionCookie = 'none' | 'lax';

/** The job's rows as Pin's web app loads them (the route `GET /api/jobs/:jobId/pipeline`, SPEC §6.1). */
export function pipelineJson(data: Dataset, job: Dataset['jobs'][number]) {
  return {
    job: { id: job.id, title: job.title },
    rows: data.pipeline
      .filter((p) => p.jobId === job.id)
      .map((p) => ({
        candidateId: p.candidateId,
        name: data.candidates.find((c) => c.id === p.candidateId)?.name ?? null,
        status: p.status,
        events: p.events,
      })),
  };
}

function sessionCookieHeader(id: string, sameSite: SessionCookie): string {
  // Persistent (30 days), like a real app's "keep me signed in": it survives a browser restart.
  const base = `pin_session=${id}; Path=/; Max-Age=2592000; HttpOnly; Secure`;
  return sameSite === 'lax' ? `${base}; SameSite=Lax` : `${base}; SameSite=None`;
}

const signInPage = (signedIn: boolean) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sign in · Pin</title></head>
<body><main><h1>Sign in to Pin</h1>
<p>${signedIn ? 'You are signed in. <a href="/jobs">Go to your jobs</a>.' : 'Your session ended. Sign in to continue.'}</p>
</main></body></html>`;

export interface PinApp {
  url: string;
  markup: Markup;
  /** Every request, in order (the control API left out). */
  requests: PinRequest[];
  /** Signs every session out (JSON answers 401, pages show the sign-in page) or back in. */
  signOut(): void;
  signIn(): void;
  /** Serves the pipeline JSON or answers it 404 (Pin moved its API). */
  setPipelineApi(on: boolean): void;
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
  /**
   * The session cookie's SameSite (SPEC §6.1): `none` (default, `SameSite=None; Secure`, which reaches the
   * extension's background) or `lax` (which does not: only an open Pin tab can read Pin's JSON then).
   */
  sessionCookie?: SessionCookie;
}): Promise<PinApp> {
  const markup = options.markup ?? 'classic';
  const sessionCookie = options.sessionCookie ?? 'none';
  const requests: PinRequest[] = [];
  let signedIn = true;
  let pipelineApi = true;
  /** Sessions this server issued; a request carrying one of them is signed in (while the app is). */
  const sessions = new Set<string>();
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
    const session = /(?:^|;\s*)pin_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1] ?? null;
    const authed = signedIn && session !== null && sessions.has(session);
    const control = url.pathname.startsWith('/__control/');
    const record: PinRequest = {
      at: Date.now(),
      method: req.method ?? 'GET',
      path: url.pathname,
      status: 0,
      withSession: session !== null && sessions.has(session),
      ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
    };
    if (!control) requests.push(record);
    const send = (
      status: number,
      body: unknown,
      type = 'application/json; charset=utf-8',
      headers: Record<string, string> = {},
    ) => {
      record.status = status;
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const isApi = url.pathname.startsWith('/api/');
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
      if (req.method === 'POST' && url.pathname === '/__control/signout') {
        signedIn = false;
        return send(200, { ok: true });
      }
      if (req.method === 'POST' && url.pathname === '/__control/signin') {
        signedIn = true;
        return send(200, { ok: true });
      }
      // Pin's JSON needs the session; while signed out, pages redirect to the sign-in page.
      if (isApi && !authed) return send(401, { error: 'Sign in to Pin' });
      if (req.method === 'GET' && url.pathname === '/signin')
        return send(200, signInPage(signedIn), 'text/html; charset=utf-8');
      if (req.method === 'GET' && !isApi && !control && !url.pathname.startsWith('/static/')) {
        if (!signedIn) {
          record.status = 302;
          res.writeHead(302, { location: `/signin?next=${encodeURIComponent(url.pathname)}` }).end();
          return;
        }
        if (!authed) {
          // The first page visit signs the demo recruiter in (the demo has no password).
          const id = randomUUID();
          sessions.add(id);
          record.status = 200;
          res.writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'no-store',
            'set-cookie': sessionCookieHeader(id, sessionCookie),
          });
          res.end(shell(markup));
          return;
        }
      }
      const pipelineJob = /^\/api\/jobs\/([^/]+)\/pipeline$/.exec(url.pathname)?.[1];
      if (req.method === 'GET' && pipelineJob !== undefined) {
        const jobId = decodeURIComponent(pipelineJob);
        const job = data.jobs.find((j) => j.id === jobId);
        if (!pipelineApi || !job) return send(404, { error: `No route GET ${url.pathname}` });
        const body = JSON.stringify(pipelineJson(data, job));
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        if (record.ifNoneMatch === etag) {
          record.status = 304;
          res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
          return;
        }
        return send(200, body, 'application/json; charset=utf-8', { etag });
      }
      if (req.method === 'GET' && url.pathname === '/api/state') {
        if (url.searchParams.get('since') === String(version)) {
          record.status = 204;
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
    requests,
    signOut: () => {
      signedIn = false;
    },
    signIn: () => {
      signedIn = true;
    },
    setPipelineApi: (on) => {
      pipelineApi = on;
    },
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
