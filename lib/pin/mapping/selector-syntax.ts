import type { PinMapping } from './schema';

/**
 * CSS syntax errors in a mapping's selectors, one line per field (`selectors.name.0: …`). Needs a DOM (the options
 * page); readers on Pin also treat an invalid selector as matching nothing, so a bad one can never break a page.
 */
export function selectorErrors(mapping: PinMapping, doc: Document = document): string[] {
  const probe = doc.createDocumentFragment();
  const errors: string[] = [];
  const check = (path: string, list: readonly string[]) =>
    list.forEach((css, index) => {
      try {
        probe.querySelector(css);
      } catch {
        errors.push(`${path}.${index}: "${css}" is not a valid CSS selector`);
      }
    });
  for (const [key, value] of Object.entries(mapping.selectors)) {
    if (Array.isArray(value)) check(`selectors.${key}`, value);
    else
      for (const [part, list] of Object.entries(value)) check(`selectors.${key}.${part}`, list as string[]);
  }
  return errors;
}
