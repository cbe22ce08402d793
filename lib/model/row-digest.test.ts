import { describe, expect, it } from 'vitest';
import type { PinStatus, StatusObservation } from './pin';
import { bucketOf, observationSignature, ROW_BUCKETS, rowDigest, unseenRows } from './row-digest';

const row = (candidateId: string, status: PinStatus, replied?: string): StatusObservation => ({
  jobId: 'j-1',
  candidateId,
  status,
  eventTimes: replied ? { replied } : {},
});

describe('row digest', () => {
  const rows = Array.from({ length: 200 }, (_, i) => row(`c-${i}`, 'in_sequence'));
  const digestOf = (list: typeof rows) =>
    rowDigest(list.map((o) => [o.candidateId, observationSignature(o)]));

  it('does not depend on the order of rows, and has one number per bucket', () => {
    const digest = digestOf(rows);
    expect(digest).toHaveLength(ROW_BUCKETS);
    expect(digestOf([...rows].reverse())).toEqual(digest);
  });

  it('signs event times whatever their order', () => {
    const a = { status: 'replied' as const, eventTimes: { replied: 'R', added_to_sequence: 'A' } };
    const b = { status: 'replied' as const, eventTimes: { added_to_sequence: 'A', replied: 'R' } };
    expect(observationSignature(a)).toBe(observationSignature(b));
    // The form digests stored by earlier versions have: the next report of an unchanged row still matches.
    expect(observationSignature(a)).toBe('replied|added_to_sequence=A,replied=R');
  });

  it('sends nothing when the extension has taken the same rows, and only the changed bucket otherwise', () => {
    const seen = digestOf(rows);
    expect(unseenRows(rows, seen)).toEqual([]);
    const changed = rows.map((o) =>
      o.candidateId === 'c-17' ? row('c-17', 'replied', '2026-11-30T10:00:00.000Z') : o,
    );
    const news = unseenRows(changed, seen);
    expect(news.map((o) => o.candidateId)).toContain('c-17');
    expect(news.every((o) => bucketOf(o.candidateId) === bucketOf('c-17'))).toBe(true);
    expect(news.length).toBeLessThan(rows.length / 4);
  });

  it('sends a row the extension has not taken (a new candidate) and everything when nothing was taken', () => {
    const seen = digestOf(rows.slice(1));
    expect(unseenRows(rows, seen).map((o) => o.candidateId)).toContain('c-0');
    expect(unseenRows(rows, new Array(ROW_BUCKETS).fill(0))).toHaveLength(rows.length);
  });
});
