import { browser, type PublicPath } from 'wxt/browser';
import type { ExportItem } from '../model/export-item';
import type { PinCandidate } from '../model/pin';
import { resumeFilename } from '../resume/filename';
import { FONT_FILES, type ResumeFonts } from '../resume/fonts';
import { preparedResumeItem } from '../storage/session-items';
import { loadResumeBuilder } from './resume-loader';

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

type Resume = { filename: string; bytes: Uint8Array };

async function build(candidate: PinCandidate, profileUrl: string): Promise<Resume> {
  const [{ buildResumePdf }, fonts] = await Promise.all([loadResumeBuilder(), loadFonts()]);
  const bytes = await buildResumePdf(candidate, { fonts, profileUrl, generatedAt: new Date() });
  return { filename: resumeFilename(candidate), bytes };
}

/** PDFs made ahead (the export dialog opened), for the same profile as read then; kept 10 minutes. */
const PREPARED_TTL_MS = 10 * 60_000;
const prepared = new Map<string, { at: number; resume: Promise<Resume> }>();
const keyOf = (candidate: PinCandidate, profileUrl: string) => JSON.stringify([candidate, profileUrl]);

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * The latest prepared PDF also goes to storage.session (memory only), so a worker woken by Export finds it. One
 * entry: it is the dialog the recruiter has open, and a bigger value would cost every write.
 */
async function keep(key: string, resume: Resume): Promise<void> {
  await preparedResumeItem.setValue({
    key,
    at: Date.now(),
    filename: resume.filename,
    pdf: toBase64(resume.bytes),
  });
}

/**
 * Starts the PDF of a profile whose export dialog just opened, so that Export finds it ready: making it is CPU
 * work of a few hundred ms in the worker, better spent while the recruiter picks a job than after the click.
 */
export function prepareResume(candidate: PinCandidate, profileUrl: string): void {
  if (!candidate.sourcedByPin) return;
  const now = Date.now();
  for (const [key, entry] of prepared) if (now - entry.at > PREPARED_TTL_MS) prepared.delete(key);
  const key = keyOf(candidate, profileUrl);
  if (prepared.has(key)) return;
  // A worker woken since finds the PDF it made before in the session: reading it back beats making it again.
  const resume = keptResume(key).then(
    (kept) =>
      kept ??
      build(candidate, profileUrl).then((made) => {
        void keep(key, made).catch(() => {});
        return made;
      }),
  );
  resume.catch(() => prepared.delete(key));
  prepared.set(key, { at: now, resume });
  while (prepared.size > 20) prepared.delete(prepared.keys().next().value!);
}

async function keptResume(key: string): Promise<Resume | null> {
  const kept = await preparedResumeItem.getValue().catch(() => null);
  if (kept?.key !== key || Date.now() - kept.at > PREPARED_TTL_MS) return null;
  return { filename: kept.filename, bytes: fromBase64(kept.pdf) };
}

/**
 * The PDF made ahead for this item in this worker, or null: never starts any work. It stays for its ten minutes:
 * the dialog asks for its preview again while the export runs, and must not start a second build.
 */
export function preparedResumeFor(item: ExportItem): Promise<Resume> | null {
  const ready = prepared.get(keyOf(item.candidate, item.profileUrl));
  if (!ready || Date.now() - ready.at > PREPARED_TTL_MS) return null;
  return ready.resume;
}

/** The resume PDF of an export item: made ahead (this worker's, or one kept in the session), else made now. */
export async function resumeFor(item: ExportItem): Promise<Resume> {
  const ready = preparedResumeFor(item);
  if (ready) return ready;
  return (await keptResume(keyOf(item.candidate, item.profileUrl))) ?? build(item.candidate, item.profileUrl);
}
