import type { BrowserContext, Request } from '@playwright/test';

export interface RoutedResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
  /** Abort the request as a reset connection instead of answering (the Harvest sandbox's lost responses). */
  dropConnection?: boolean;
}
export type RequestHandler = (request: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}) => Promise<RoutedResponse>;

/** Serves every request to `origin` (page loads and the extension worker's fetches alike) from `handler`. */
export async function routeOriginToHandler(context: BrowserContext, origin: string, handler: RequestHandler) {
  await context.route(`${origin}/**`, async (route) => {
    const request: Request = route.request();
    try {
      const response = await handler({
        method: request.method(),
        url: request.url(),
        headers: await request.allHeaders(),
        body: request.postData(),
      });
      if (response.dropConnection) await route.abort('connectionreset');
      else await route.fulfill({ status: response.status, headers: response.headers, body: response.body });
    } catch {
      // Closing the context mid-request lands here; nothing to answer any more.
      await route.abort('failed').catch(() => {});
    }
  });
}

/** Headers a proxy must not pass on (Node's fetch refuses some of them, and they describe the hop, not the request). */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
]);

/**
 * Forwards every request to `origin` to a local HTTP server, keeping path, query, method, body and the headers the
 * browser sent (its cookies included, and only those: Playwright's own `route.fetch` would add cookies from its
 * request context whatever their SameSite, so this uses Node's fetch). Answers, redirects and Set-Cookie headers
 * go back to the browser unchanged.
 */
export async function routeOriginToServer(context: BrowserContext, origin: string, serverUrl: string) {
  await context.route(`${origin}/**`, async (route) => {
    const request = route.request();
    const target = new URL(request.url());
    const local = new URL(target.pathname + target.search, serverUrl);
    const headers = Object.fromEntries(
      Object.entries(await request.allHeaders()).filter(
        ([name]) => !HOP_HEADERS.has(name) && !name.startsWith(':'),
      ),
    );
    const body = request.postDataBuffer();
    // One retry: a kept-alive connection to the local server can be reset under load (seen with three parallel
    // workers on two cores), which is the test rig's failure, not the extension's.
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(local, {
          method: request.method(),
          headers,
          body:
            body && request.method() !== 'GET' && request.method() !== 'HEAD'
              ? new Uint8Array(body)
              : undefined,
          redirect: 'manual',
        });
        const answer: Record<string, string> = {};
        response.headers.forEach((value, name) => {
          if (name !== 'set-cookie' && !HOP_HEADERS.has(name)) answer[name] = value;
        });
        const cookies = response.headers.getSetCookie();
        if (cookies.length) answer['set-cookie'] = cookies.join('\n');
        await route.fulfill({
          status: response.status,
          headers: answer,
          body: Buffer.from(await response.arrayBuffer()),
        });
        return;
      } catch {
        if (attempt >= 2) {
          await route.abort('failed').catch(() => {});
          return;
        }
      }
    }
  });
}
