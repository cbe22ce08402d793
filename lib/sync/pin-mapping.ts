import { BUILTIN_PIN_MAPPING } from '../pin/mapping/builtin';
import { type PinMapping, pinMappingSchema } from '../pin/mapping/schema';
import { pinMappingItem } from '../storage/page-items';

/**
 * The mapping in use: the admin's imported one when it is stored and still valid, else the built-in. A stored
 * document that no longer validates (a newer or older build) is ignored, not deleted.
 */
export function resolveMapping(stored: unknown): { mapping: PinMapping; builtIn: boolean } {
  // Most installs have none: a cold worker then does not build the mapping's schema to learn it.
  if (stored === null || stored === undefined) return { mapping: BUILTIN_PIN_MAPPING, builtIn: true };
  const parsed = pinMappingSchema.safeParse(stored);
  return parsed.success
    ? { mapping: parsed.data, builtIn: false }
    : { mapping: BUILTIN_PIN_MAPPING, builtIn: true };
}

/** The mapping in use, read once and then kept until the stored document changes: every click asks for it. */
let resolved: Promise<PinMapping> | null = null;
let watching = false;

export function currentMapping(): Promise<PinMapping> {
  if (!watching) {
    watching = true;
    pinMappingItem.watch(() => {
      resolved = null;
    });
  }
  resolved ??= pinMappingItem.getValue().then((stored) => resolveMapping(stored).mapping);
  resolved.catch(() => {
    resolved = null;
  });
  return resolved;
}

/** Calls `onChange` with the mapping in use now and whenever the admin imports or resets one. */
export function watchMapping(onChange: (mapping: PinMapping) => void): () => void {
  return pinMappingItem.watch((value) => onChange(resolveMapping(value).mapping));
}
