import { browser, type PublicPath } from 'wxt/browser';
import { FONT_FILES, type ResumeFonts } from '../resume/fonts';
import { buildResumePdf, resumeFilename } from '../resume/pdf';
import type { ExportItem } from '../sync/model';

async function bytesOf(file: PublicPath): Promise<Uint8Array> {
  const response = await fetch(browser.runtime.getURL(file));
  if (!response.ok) throw new Error(`The extension is missing ${file}`);
  return new Uint8Array(await response.arrayBuffer());
}

let fonts: Promise<ResumeFonts> | null = null;
function loadFonts(): Promise<ResumeFonts> {
  fonts ??= (async () => {
    const [regular, bold] = await Promise.all([bytesOf(FONT_FILES.regular), bytesOf(FONT_FILES.bold)]);
    let fallback: Promise<Uint8Array> | null = null;
    return { regular, bold, fallback: () => (fallback ??= bytesOf(FONT_FILES.fallback)) };
  })();
  return fonts;
}

/** The resume PDF of an export item, made in the worker from the fonts shipped in public/fonts. */
export async function resumeFor(item: ExportItem): Promise<{ filename: string; bytes: Uint8Array }> {
  const bytes = await buildResumePdf(item.candidate, {
    fonts: await loadFonts(),
    profileUrl: item.profileUrl,
    generatedAt: new Date(),
  });
  return { filename: resumeFilename(item.candidate), bytes };
}
