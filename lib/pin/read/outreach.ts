import type { PinEventType, PinStatus, StatusObservation } from '../../model/pin';
import { PIN_STATUSES } from '../../model/pin-values';
import { leaves, matchesWord, norm, preferred, safeAll, textOf, wordSet } from '../dom';
import type { PinMapping } from '../mapping/schema';

/** Outreach: status by its words, event times from <time datetime> labelled by event words. */
/** What a label means, remembered per mapping: a list repeats the same few labels on every row. */
function memo<T>(compute: (text: string, mapping: PinMapping) => T) {
  const known = new WeakMap<PinMapping, Map<string, T>>();
  return (text: string, mapping: PinMapping): T => {
    let byText = known.get(mapping);
    if (!byText) {
      byText = new Map();
      known.set(mapping, byText);
    }
    if (byText.has(text)) return byText.get(text) as T;
    const value = compute(text, mapping);
    if (byText.size >= 2_000) byText.clear();
    byText.set(text, value);
    return value;
  };
}

const statusWord = memo((text, mapping): PinStatus | null => {
  const word = norm(text);
  return PIN_STATUSES.find((s) => wordSet(mapping.words.status[s]).has(word)) ?? null;
});

const statusOf = (text: string | null, mapping: PinMapping) =>
  text === null ? null : statusWord(text, mapping);

const EVENT_TYPES: PinEventType[] = ['added_to_sequence', 'replied', 'marked_interested'];

const eventOf = memo(
  (label, mapping): PinEventType | null =>
    EVENT_TYPES.find((t) => matchesWord(label, mapping.words.event[t])) ?? null,
);

/** What a list read found for one row in a single query over the whole list (see `readPipeline`). */
export interface RowFinds {
  chips: { elements: Element[]; rule: string } | null;
  times: Element[];
}

export function readOutreach(
  scope: Element,
  mapping: PinMapping,
  found?: RowFinds,
): { status: PinStatus; eventTimes: StatusObservation['eventTimes']; rule: string; events: number } | null {
  let status: PinStatus | null = null;
  let rule = '';
  const chips = found ? found.chips : preferred(scope, mapping.selectors.statusChip);
  for (const chip of chips?.elements ?? []) {
    status = statusOf(textOf(chip), mapping);
    if (status) {
      rule = chips!.rule;
      break;
    }
  }
  if (!status) {
    for (const el of leaves(scope)) {
      if (el.closest('time')) continue;
      status = statusOf(textOf(el), mapping);
      if (status) break;
    }
    rule = 'status words';
  }
  if (!status) return null;
  const eventTimes: StatusObservation['eventTimes'] = {};
  let events = 0;
  for (const time of found ? found.times : safeAll(scope, 'time[datetime]')) {
    const at = time.getAttribute('datetime') ?? '';
    const ms = /T\d{2}:\d{2}/.test(at) ? Date.parse(at) : Number.NaN;
    if (Number.isNaN(ms)) continue;
    const label = (time.parentElement?.textContent ?? '').replace(time.textContent ?? '', '').trim();
    const type = eventOf(label, mapping);
    if (!type) continue;
    events += 1;
    // The latest time Pin shows for an event type wins (a candidate can be re-added to a sequence).
    const iso = new Date(ms).toISOString();
    if (!eventTimes[type] || eventTimes[type]! < iso) eventTimes[type] = iso;
  }
  return { status, eventTimes, rule, events };
}
