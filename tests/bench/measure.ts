import type { RecordedRequest } from '../harvest-sandbox/types';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Sequential round trips: the longest chain of requests where each started after the previous one answered. */
export function criticalPath(requests: RecordedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.at - b.at);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.finishedAt <= r.at) best = Math.max(best, depth[j]!);
    depth[i] = best + 1;
  });
  return Math.max(0, ...depth);
}
