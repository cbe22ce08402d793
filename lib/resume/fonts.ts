/** Font files shipped in public/fonts (licences beside them). DejaVu covers Latin, Greek, Cyrillic, Arabic and more; Droid Sans Fallback adds CJK. */
export const FONT_FILES = {
  regular: '/fonts/DejaVuSans.ttf',
  bold: '/fonts/DejaVuSans-Bold.ttf',
  fallback: '/fonts/DroidSansFallbackFull.ttf',
} as const;

export interface ResumeFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** Loaded only when the text has characters the regular font lacks. */
  fallback: () => Promise<Uint8Array>;
}
