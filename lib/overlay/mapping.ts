import type { PinMapping } from '../pin/mapping/schema';
import { storedMapping } from '../pin/mapping/stored';
import { pinMappingItem } from '../storage/page-items';

/** The mapping the page readers use: the admin's imported one, else the built-in (see storedMapping). */
export async function pageMapping(): Promise<PinMapping> {
  return storedMapping(await pinMappingItem.getValue().catch(() => null));
}

/** Calls `onChange` with the mapping in use whenever the admin imports or resets one. */
export function watchPageMapping(onChange: (mapping: PinMapping) => void): () => void {
  return pinMappingItem.watch((value) => onChange(storedMapping(value)));
}
