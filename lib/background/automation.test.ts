import { describe, expect, it } from 'vitest';
import type { ObservationState } from '../model/rule';
import { pruneObservations } from './automation';

const state = (i: number): ObservationState => ({
  jobId: 'j',
  candidateId: `c${i}`,
  status: 'sourced',
  eventTimes: {},
  firstSeen: {},
  updatedAt: i,
});

describe('pruneObservations', () => {
  it('keeps everything under the cap and the most recently updated above it', () => {
    const small = Object.fromEntries([1, 2, 3].map((i) => [`j/c${i}`, state(i)]));
    expect(pruneObservations(small)).toBe(small);
    const big = Object.fromEntries(Array.from({ length: 20_005 }, (_, i) => [`j/c${i}`, state(i)]));
    const pruned = pruneObservations(big);
    expect(Object.keys(pruned)).toHaveLength(20_000);
    expect(pruned['j/c0']).toBeUndefined();
    expect(pruned['j/c20004']).toBeDefined();
  });
});
