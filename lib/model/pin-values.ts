/**
 * The Pin values a page reader needs at run time, apart from their zod schemas (model/pin.ts) so that the content
 * script does not bundle zod.
 */
export const PIN_STATUSES = ['sourced', 'in_sequence', 'replied', 'interested'] as const;
export const PIN_EVENT_TYPES = ['added_to_sequence', 'replied', 'marked_interested'] as const;
/** A year and month as Pin's JSON and the readers give them: `2024-03`. */
export const YEAR_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
