import { matchesWord, preferred, safeAll, textOf } from './dom';
import type { PinMapping } from './mapping/schema';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A month as `YYYY-MM` from text in one of the mapping's formats, or null. */
export function parseMonth(text: string, formats: PinMapping['dateFormats']): string | null {
  const t = text.trim();
  const inRange = (month: number) => month >= 1 && month <= 12;
  for (const format of formats) {
    if (format === 'MMM YYYY' || format === 'MMMM YYYY') {
      const m = /^([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(t);
      const month = m ? MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) : -1;
      if (m && month >= 0 && (format === 'MMM YYYY' ? m[1]!.length <= 4 : m[1]!.length > 3))
        return `${m[2]}-${pad(month + 1)}`;
    } else if (format === 'YYYY-MM') {
      const m = /^(\d{4})-(\d{2})$/.exec(t);
      if (m && inRange(Number(m[2]))) return `${m[1]}-${m[2]}`;
    } else if (format === 'MM/YYYY') {
      const m = /^(\d{1,2})\/(\d{4})$/.exec(t);
      if (m && inRange(Number(m[1]))) return `${m[2]}-${pad(Number(m[1]))}`;
    }
  }
  return null;
}

type Granularity = 'month' | 'year';
type Value = string | number;

function dateValue(raw: string, granularity: Granularity, formats: PinMapping['dateFormats']): Value | null {
  const t = raw.trim();
  if (granularity === 'year') {
    const year = /^(\d{4})(-\d{2})?(-\d{2})?$/.exec(t) ?? /\b(\d{4})\b/.exec(t);
    return year ? Number(year[1]) : null;
  }
  const iso = /^(\d{4})-(\d{2})(-\d{2})?/.exec(t);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return `${iso[1]}-${iso[2]}`;
  return parseMonth(t, formats);
}

const DASH = /\s[–—-]\s|^[–—-]\s|\s[–—-]$|[–—]|\sto\s/;

/**
 * A start–end span inside an item: from <time datetime> elements (a time before the dash is the start), else from
 * text like "Apr 2021 – Present" in the mapping's date formats. A missing or "Present" side is null.
 */
export function readSpan(
  item: Element,
  granularity: Granularity,
  mapping: PinMapping,
): { start: Value | null; end: Value | null; rule: string | null } {
  const times = safeAll(item, 'time');
  const formats = mapping.dateFormats;
  const startPref = preferred(item, mapping.selectors.dateStart);
  const endPref = preferred(item, mapping.selectors.dateEnd);
  if (startPref || endPref) {
    const read = (el: Element | undefined) =>
      el ? dateValue(el.getAttribute('datetime') ?? textOf(el) ?? '', granularity, formats) : null;
    return {
      start: read(startPref?.elements[0]),
      end: read(endPref?.elements[0]),
      rule: [startPref?.rule, endPref?.rule].filter(Boolean).join(' / '),
    };
  }
  if (times.length) {
    // The first dash outside any <time>, in the element that holds the dates, splits start from end.
    const container = times[0]!.parentElement ?? item;
    const walker = item.ownerDocument.createTreeWalker(container, 4 /* NodeFilter.SHOW_TEXT */);
    let dash: Node | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('time') && DASH.test(node.textContent ?? '')) {
        dash = node;
        break;
      }
    }
    let start: Value | null = null;
    let end: Value | null = null;
    times.forEach((time, index) => {
      const value = dateValue(time.getAttribute('datetime') ?? textOf(time) ?? '', granularity, formats);
      const before = dash ? Boolean(time.compareDocumentPosition(dash) & 4) : index === 0;
      if (before) start ??= value;
      else end ??= value;
    });
    return { start, end, rule: '<time datetime>' };
  }
  for (const text of [...safeAll(item, '*').map((el) => textOf(el)), textOf(item)]) {
    if (!text || !DASH.test(text)) continue;
    const [left = '', right = ''] = text.split(DASH, 2).map((s) => s.trim());
    const side = (s: string) =>
      !s || matchesWord(s, mapping.words.current) || matchesWord(s, mapping.words.unknownDate)
        ? null
        : dateValue(s, granularity, formats);
    const start = side(left);
    const end = side(right);
    if (start !== null || end !== null) return { start, end, rule: 'date text' };
  }
  return { start: null, end: null, rule: null };
}
