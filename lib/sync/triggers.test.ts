import { describe, expect, it } from 'vitest';
import type { Rule } from '../model/rule';
import { evaluateRule, meetsTrigger, mergeObservation } from './triggers';

const T0 = Date.parse('2026-11-20T00:00:00Z');
const rule = (over: Partial<Rule> = {}): Rule => ({
  pinJobId: 'j',
  pinJobTitle: 'J',
  greenhouseJobId: 1,
  greenhouseJobName: 'GH',
  trigger: 'replied',
  enabled: true,
  enabledAt: T0,
  updatedAt: T0,
  ...over,
});
const observe = (
  status: 'sourced' | 'in_sequence' | 'replied' | 'interested',
  eventTimes = {},
  now = T0 + 1000,
  previous?: ReturnType<typeof mergeObservation>,
) => mergeObservation(previous, { jobId: 'j', candidateId: 'c', status, eventTimes }, now);

describe('automation rules', () => {
  it('orders the triggers: interested needs the interested mark, a reply is not enough', () => {
    expect(meetsTrigger('replied', 'interested')).toBe(false);
    expect(meetsTrigger('interested', 'replied')).toBe(true);
    expect(meetsTrigger('in_sequence', 'replied')).toBe(false);
    expect(meetsTrigger('replied', 'added_to_sequence')).toBe(true);
    expect(evaluateRule(rule({ trigger: 'interested' }), observe('replied'), T0 - 10)).toMatchObject({
      fire: false,
      reason: 'not_met',
    });
  });

  it('fires for an event after the rule was enabled, by Pin time when shown', () => {
    expect(
      evaluateRule(rule(), observe('replied', { replied: '2026-11-21T00:00:00.000Z' }), T0 - 10),
    ).toEqual({ fire: true, eventAt: Date.parse('2026-11-21T00:00:00Z') });
  });

  it('never fires retroactively: Pin time before enabling, or before connecting', () => {
    expect(
      evaluateRule(rule(), observe('replied', { replied: '2026-11-19T00:00:00.000Z' }), T0 - 10),
    ).toMatchObject({ fire: false, reason: 'before_enabled' });
    expect(
      evaluateRule(
        rule({ enabledAt: T0 - 10 * 86_400_000 }),
        observe('replied', { replied: '2026-11-19T00:00:00.000Z' }),
        T0,
      ),
    ).toMatchObject({
      fire: false,
      reason: 'before_connected',
    });
    expect(evaluateRule(rule(), observe('replied'), null)).toMatchObject({
      fire: false,
      reason: 'before_connected',
    });
  });

  it('without a Pin time, uses when the extension first saw it (a baseline before enabling blocks it)', () => {
    const seenBefore = observe('replied', {}, T0 - 5000);
    const seenAgain = observe('replied', {}, T0 + 5000, seenBefore);
    expect(evaluateRule(rule(), seenAgain, T0 - 10_000)).toMatchObject({
      fire: false,
      reason: 'before_enabled',
    });
    expect(evaluateRule(rule(), observe('replied', {}, T0 + 5000), T0 - 10_000)).toMatchObject({
      fire: true,
      eventAt: T0 + 5000,
    });
  });

  it('does nothing while disabled', () => {
    expect(evaluateRule(rule({ enabled: false }), observe('interested'), T0 - 10)).toMatchObject({
      fire: false,
      reason: 'disabled',
    });
    expect(evaluateRule(undefined, observe('interested'), T0 - 10)).toMatchObject({
      fire: false,
      reason: 'disabled',
    });
  });
});
