import { extractText, getDocumentProxy } from 'unpdf';
import type { HarvestSandbox } from '../../harvest-sandbox/sandbox';

/** The text of a PDF the extension uploaded to the sandbox. */
export async function pdfText(bytes: Buffer | null): Promise<string> {
  if (!bytes) throw new Error('The attachment has no uploaded content');
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** Counts of what Greenhouse holds, for "exactly once" assertions. */
export function tally(sandbox: HarvestSandbox) {
  return {
    candidates: sandbox.candidates.length,
    applications: sandbox.applications.length,
    attachments: sandbox.attachments.length,
    resumes: sandbox.attachments.filter((a) => a.type === 'resume').length,
    notes: sandbox.notes.length,
    employments: sandbox.employments.length,
  };
}
