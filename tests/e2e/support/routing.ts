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

/** Forwards every request to `origin` to a local HTTP server, keeping path and query. */
export async function routeOriginToServer(context: BrowserContext, origin: string, serverUrl: string) {
  await context.route(`${origin}/**`, async (route) => {
    const request = route.request();
    const target = new URL(request.url());
    const local = new URL(target.pathname + target.search, serverUrl);
    // One retry: a kept-alive connection to the local server can be reset under load (seen with three parallel
    // workers on two cores), which is the test rig's failure, not the extension's.
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await route.fetch({ url: local.toString() });
        await route.fulfill({ response });
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
