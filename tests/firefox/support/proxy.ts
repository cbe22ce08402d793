import { generateCACertificate, getLocal, type Mockttp } from 'mockttp';
import { PIN_ORIGIN } from '../../../lib/pin/host';
import type { HarvestSandbox } from '../../harvest-sandbox/sandbox';
import type { PinApp } from '../../pin-app/server';

/**
 * An HTTPS-intercepting proxy (a CA made per run) that serves https://app.pin.com from the demo Pin app and both
 * Greenhouse hosts from the sandbox; anything else (Firefox's own background traffic) gets a 404.
 */
export async function startProxy(pinApp: PinApp, sandbox: HarvestSandbox): Promise<Mockttp> {
  const proxy = getLocal({ https: await generateCACertificate() });
  await proxy.start();
  await proxy.forAnyRequest().forHostname(new URL(PIN_ORIGIN).hostname).thenForwardTo(pinApp.url);
  for (const host of ['harvest.greenhouse.io', 'auth.greenhouse.io']) {
    await proxy
      .forAnyRequest()
      .forHostname(host)
      .thenCallback(async (request) => {
        const headers: Record<string, string> = {};
        for (const [key, value] of Object.entries(request.headers))
          if (typeof value === 'string') headers[key] = value;
        const answer = await sandbox.handle({
          method: request.method,
          url: request.url,
          headers,
          body: request.body.buffer.length ? request.body.buffer.toString('utf8') : null,
        });
        if (answer.dropConnection) return 'reset';
        return { statusCode: answer.status, headers: answer.headers, body: answer.body };
      });
  }
  await proxy.forUnmatchedRequest().thenReply(404, 'Not routed in tests');
  return proxy;
}
