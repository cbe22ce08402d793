import type { BrowserContext, CDPSession } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * CPU time of the extension's service worker, from V8's sampling profiler. Playwright has no CDP session for an
 * extension worker, so this attaches to it through a page's session (`Target.attachToTarget`, messages relayed with
 * `Target.sendMessageToTarget`). Only the profiler is used: the Performance domain does not exist in workers.
 */
export class WorkerProfiler {
  private id = 0;
  private readonly pending = new Map<
    number,
    (message: { result?: unknown; error?: { message: string } }) => void
  >();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
      };
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  static async attach(context: BrowserContext): Promise<WorkerProfiler> {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const worker = targetInfos.find(
      (t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'),
    );
    if (!worker) throw new Error('No extension service worker to profile');
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    })) as { sessionId: string };
    const profiler = new WorkerProfiler(cdp, sessionId);
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
    return profiler;
  }

  private send<T>(method: string, params: object = {}): Promise<T> {
    const id = ++this.id;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, (message) => {
        this.pending.delete(id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result as T);
      });
      void this.cdp
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch(reject);
    });
  }

  /** Runs `work` while the worker is profiled; returns the worker's busy (non-idle) time in ms. */
  async busyDuring<T>(
    work: () => Promise<T>,
  ): Promise<{ busyMs: number; result: T; top: Record<string, number> }> {
    await this.send('Profiler.start');
    const result = await work();
    const { profile } = await this.send<{ profile: CpuProfile }>('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let busy = 0;
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
      if (functionName === '(idle)') return;
      const delta = profile.timeDeltas[i] ?? 0;
      busy += delta;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop() ?? ''}:${lineNumber}:${columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + delta);
    });
    // Where the time went: the ten functions with the most time of their own (minified names), in ms.
    const top = Object.fromEntries(
      [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([key, us]) => [key, Number((us / 1000).toFixed(1))]),
    );
    return { busyMs: busy / 1000, result, top };
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => {});
  }
}
