import { BUILTIN_PIN_MAPPING } from './builtin';
import type { PinMapping } from './schema';

/** True when `value` has the same shape as `model`: the same keys, strings where it has strings, and so on. */
function sameShape(value: unknown, model: unknown): boolean {
  if (Array.isArray(model)) {
    return Array.isArray(value) && value.every((v) => typeof v === typeof (model[0] ?? ''));
  }
  if (typeof model === 'object' && model !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const keys = Object.keys(model);
    return (
      Object.keys(value).length === keys.length &&
      keys.every((key) =>
        sameShape((value as Record<string, unknown>)[key], (model as Record<string, unknown>)[key]),
      )
    );
  }
  return typeof value === typeof model;
}

/**
 * The stored mapping as the content script uses it, without zod: the background stores only documents its schema
 * parsed (lib/sync/pin-mapping.ts), so a shape check against the built-in mapping is enough to tell one apart from
 * nothing or from another build's document, which gets the built-in mapping, as in the background. A document
 * stored before `routes.pipelineApi` existed gets the built-in route, as the schema's default gives it.
 */
export function storedMapping(stored: unknown): PinMapping {
  if (typeof stored !== 'object' || stored === null) return BUILTIN_PIN_MAPPING;
  const doc = stored as Partial<PinMapping>;
  const routes: unknown = doc.routes;
  const filled =
    typeof routes === 'object' && routes !== null && !('pipelineApi' in routes)
      ? { ...doc, routes: { ...routes, pipelineApi: BUILTIN_PIN_MAPPING.routes.pipelineApi } }
      : doc;
  return sameShape(filled, BUILTIN_PIN_MAPPING) && filled.version === BUILTIN_PIN_MAPPING.version
    ? (filled as PinMapping)
    : BUILTIN_PIN_MAPPING;
}
