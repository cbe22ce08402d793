import type { CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

/**
 * `BENCH_CPU=1`: V8's sampling profile of a page while `work` runs, and the extension's functions by self time (ms),
 * most first. Content scripts run in the page's isolate, so the page's profiler sees them. Function names are the
 * build's (minified; `npx wxt build --mode development` keeps them).
 */
export async function extensionSelfTime(
  cdp: CDPSession,
  work: () => Promise<void>,
): Promise<[string, number][]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame?.url.startsWith('chrome-extension://')) return;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(3).join('/')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self].sort((a, b) => b[1] - a[1]);
}
