/**
 * Finding things on a Pin page by meaning: selector preferences first, then headings, labels, links and visible
 * words. Every finder names the rule that matched, for the diagnostics panel and the adapter tests.
 */

/** Text as the user reads it, trimmed; null when empty. */
export function textOf(el: Element | null | undefined): string | null {
  const value = el?.textContent?.trim();
  return value ? value : null;
}

const normalized = new Map<string, string>();

/** Printable ASCII and whitespace: text that Unicode normalisation (NFKC) leaves as it is. */
const PLAIN = /^[\x20-\x7e\s]*$/;

/**
 * For comparing words: case, spacing, compatibility forms (full-width letters) and a trailing colon do not matter.
 * Remembered, since a list repeats the same few labels on every row ("Replied", "In sequence"). Plain text skips
 * `normalize`: it would change nothing, and a page's first call to it is a web feature that Chrome reports to the
 * browser behind a 100 ms timer that cuts the page's idle periods short (see when-free.ts).
 */
export function norm(text: string): string {
  let value = normalized.get(text);
  if (value === undefined) {
    value = (PLAIN.test(text) ? text : text.normalize('NFKC'))
      .replace(/\s+/g, ' ')
      .replace(/[:：]\s*$/, '')
      .trim()
      .toLowerCase();
    if (normalized.size >= 2_000) normalized.clear();
    normalized.set(text, value);
  }
  return value;
}

const normalizedWords = new WeakMap<readonly string[], Set<string>>();

/** A mapping's word list, normalised once (a 1,000-row pipeline compares every row against it). */
export function wordSet(words: readonly string[]): Set<string> {
  let set = normalizedWords.get(words);
  if (!set) {
    set = new Set(words.map(norm));
    normalizedWords.set(words, set);
  }
  return set;
}

export const matchesWord = (text: string | null, words: readonly string[]) =>
  text !== null && wordSet(words).has(norm(text));

/** querySelectorAll that treats an invalid selector (from an imported mapping) as matching nothing. */
export function safeAll(root: ParentNode, css: string): Element[] {
  try {
    return [...root.querySelectorAll(css)];
  } catch {
    return [];
  }
}

/**
 * `safeAll` without making an array: a content script's node wrappers are made when an element is first touched, so a
 * long list whose elements are looked up by index costs only those looked up (measured: 1,000 links spread into an
 * array cost a content script 4–7 ms on a fresh page).
 */
export function safeQuery(root: ParentNode, css: string): ArrayLike<Element> {
  try {
    return root.querySelectorAll(css);
  } catch {
    return [];
  }
}

/**
 * `querySelector` that treats an invalid selector as matching nothing. For one element, it stops at the first match:
 * `safeAll(...)[0]` walks the whole subtree (on a 1,000-row pipeline, every row) and wraps every match.
 */
export function safeFirst(root: ParentNode, css: string): Element | null {
  try {
    return root.querySelector(css);
  } catch {
    return null;
  }
}

/** As `preferred`, for the first element only: the first selector of `preferences` that matches, and its first match. */
export function preferredFirst(
  root: ParentNode,
  preferences: readonly string[],
): { element: Element; rule: string } | null {
  for (const css of preferences) {
    const element = safeFirst(root, css);
    if (element) return { element, rule: `selector ${css}` };
  }
  return null;
}

/** The first selector of `preferences` that matches anything in `root`, with its elements. */
export function preferred(
  root: ParentNode,
  preferences: readonly string[],
): { elements: Element[]; rule: string } | null {
  for (const css of preferences) {
    const elements = safeAll(root, css);
    if (elements.length) return { elements, rule: `selector ${css}` };
  }
  return null;
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** The section under a heading whose text is one of `words`: the heading's <section>, else its parent. */
export function sectionByHeading(
  root: ParentNode,
  words: readonly string[],
): { section: Element; rule: string } | null {
  for (const heading of safeAll(root, HEADING)) {
    const text = textOf(heading);
    if (!matchesWord(text, words)) continue;
    const section = heading.closest('section') ?? heading.parentElement;
    if (section && (root as Node).contains(section)) return { section, rule: `heading "${text}"` };
  }
  return null;
}

/** Elements with text and no child elements (chips, labels, cells), in document order. */
export function leaves(root: ParentNode): Element[] {
  return safeAll(root, '*').filter(
    (el) =>
      el.childElementCount === 0 && !/^(SCRIPT|STYLE|TEMPLATE)$/.test(el.tagName) && textOf(el) !== null,
  );
}

/** The first leaf whose whole text is one of `words`. */
export function leafWithWords(root: ParentNode, words: readonly string[]): Element | null {
  return leaves(root).find((el) => matchesWord(textOf(el), words)) ?? null;
}

/** Texts of the leaves of an item that are not dates or date labels (`skip`), in order: title, company… */
export function itemTexts(item: Element, skip: readonly string[]): string[] {
  return leaves(item)
    .filter((el) => !el.closest('time') && !matchesWord(textOf(el), skip))
    .map((el) => textOf(el)!);
}

/** A value given with a label (a <dt>, <th>, <label> or visually hidden span) whose text is one of `words`. */
export function labelledValue(root: ParentNode, words: readonly string[]): Element | null {
  for (const label of safeAll(root, 'dt, th, label, span, div, p')) {
    if (label.childElementCount > 0 || !matchesWord(textOf(label), words)) continue;
    const value =
      label.tagName === 'DT'
        ? label.nextElementSibling
        : label.tagName === 'TH'
          ? (label.parentElement?.querySelector('td') ?? null)
          : label.nextElementSibling;
    if (value && textOf(value)) return value;
  }
  return null;
}
