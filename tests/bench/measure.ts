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

/**
 * The best split of `values` into a lower and an upper group (one-dimensional 2-means: the least squared distance of
 * each value to its group's mean): the lowest value of the upper group, or null with fewer than two distinct values.
 */
export function twoGroupSplit(values: number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sums = [0];
  const squares = [0];
  for (const v of sorted) {
    sums.push(sums.at(-1)! + v);
    squares.push(squares.at(-1)! + v * v);
  }
  const spread = (from: number, to: number) => {
    const sum = sums[to]! - sums[from]!;
    return squares[to]! - squares[from]! - (sum * sum) / (to - from);
  };
  let best: { cost: number; at: number } | null = null;
  for (let at = 1; at < n; at++) {
    if (sorted[at] === sorted[at - 1]) continue;
    const cost = spread(0, at) + spread(at, n);
    if (!best || cost < best.cost) best = { cost, at };
  }
  return best ? sorted[best.at]! : null;
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
