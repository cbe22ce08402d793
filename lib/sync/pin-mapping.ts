import { BUILTIN_PIN_MAPPING } from '../pin/mapping/builtin';
import { type PinMapping, pinMappingSchema } from '../pin/mapping/schema';
import { pinMappingItem } from '../storage/page-items';

/**
 * The mapping in use: the admin's imported one when it is stored and still valid, else the built-in. A stored
 * document that no longer validates (a newer or older build) is ignored, not deleted.
 */
export function resolveMapping(stored: unknown): { mapping: PinMapping; builtIn: boolean } {
  const parsed = pinMappingSchema.safeParse(stored);
  return parsed.success
    ? { mapping: parsed.data, builtIn: false }
    : { mapping: BUILTIN_PIN_MAPPING, builtIn: true };
}

/** The last stored document and its resolution: the export path asks for it on every click. */
let resolved: { stored: unknown; mapping: PinMapping } | null = null;

export async function currentMapping(): Promise<PinMapping> {
  const stored = await pinMappingItem.getValue();
  // storage.local hands out a new object on every read: compare documents by their JSON.
  const key = stored === null ? null : JSON.stringify(stored);
  if (resolved?.stored !== key) resolved = { stored: key, mapping: resolveMapping(stored).mapping };
  return resolved.mapping;
}

/** Calls `onChange` with the mapping in use now and whenever the admin imports or resets one. */
export function watchMapping(onChange: (mapping: PinMapping) => void): () => void {
  return pinMappingItem.watch((value) => onChange(resolveMapping(value).mapping));
}
