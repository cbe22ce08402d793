import http from 'node:http';
import type { HarvestSandbox } from './sandbox';

/**
 * Serves a sandbox over HTTP. The Host header picks the API: `auth.*` answers the token endpoint, anything
 * else Harvest. When used standalone, point a proxy or a browser route for both Greenhouse hosts at it.
 * `GET /__sandbox/state` and `POST /__sandbox/reset` are its control endpoints.
 */
export function serveSandbox(
  sandbox: HarvestSandbox,
  port = 0,
  host = '127.0.0.1',
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : null;
    const path = req.url ?? '/';
    if (path === '/__sandbox/state') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(snapshot(sandbox)));
      return;
    }
    if (path === '/__sandbox/reset' && req.method === 'POST') {
      sandbox.reset();
      res.writeHead(204).end();
      return;
    }
    const forwardedHost = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? '');
    const apiHost =
      forwardedHost.startsWith('auth.') || path === '/token' ? 'auth.greenhouse.io' : 'harvest.greenhouse.io';
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers[key] = value;
    const answer = await sandbox.handle({
      method: req.method ?? 'GET',
      url: `https://${apiHost}${path}`,
      headers,
      body,
    });
    if (answer.dropConnection) {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${host}:${actualPort}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Everything a test or a person may want to look at, attachment bytes left out. */
export function snapshot(sandbox: HarvestSandbox) {
  return {
    candidates: sandbox.candidates.map((c) => sandbox.candidateJson(c)),
    applications: sandbox.applications.map((a) => sandbox.applicationJson(a)),
    attachments: sandbox.attachments.map((a) => ({
      ...sandbox.attachmentJson(a),
      bytes: a.content?.length ?? 0,
    })),
    notes: sandbox.notes.map((n) => sandbox.noteJson(n)),
    employments: sandbox.employments,
    educations: sandbox.educations,
    requests: sandbox.requests.map(({ headers: _headers, ...rest }) => rest),
  };
}
