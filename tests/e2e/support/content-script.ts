import type { Page } from '@playwright/test';

/**
 * Evaluates an expression inside the extension's content-script world (the isolated world Chromium
 * creates for it), through CDP. This is how tests act as the content script, e.g. to prove that it
 * cannot read the secret or send privileged commands.
 */
export async function evaluateInContentScript<T>(
  page: Page,
  expression: string,
  timeoutMs = 10_000,
): Promise<T> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
    session.on('Runtime.executionContextCreated', (event) => contexts.push(event.context));
    await session.send('Runtime.enable');
    const deadline = Date.now() + timeoutMs;
    let isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Pin Greenhouse Sync');
    while (!isolated && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Pin Greenhouse Sync');
    }
    if (!isolated) throw new Error('The content script world was not found on this page');
    const result = await session.send('Runtime.evaluate', {
      expression,
      contextId: isolated.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) {
      throw new Error(
        `Content-script evaluation threw: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`,
      );
    }
    return result.result.value as T;
  } finally {
    await session.detach().catch(() => {});
  }
}
