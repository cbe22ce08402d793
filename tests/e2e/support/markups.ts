/** Tests tagged with this run on both markups of the demo Pin app (playwright.config.ts projects). */
export const BOTH_MARKUPS = '@both-markups';
