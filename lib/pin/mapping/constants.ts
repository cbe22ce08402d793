/** The mapping document's version and date formats, apart from its zod schema (the content script has no zod). */
export const PIN_MAPPING_VERSION = 1;
export const DATE_FORMATS = ['MMM YYYY', 'MMMM YYYY', 'YYYY-MM', 'MM/YYYY', 'YYYY'] as const;
