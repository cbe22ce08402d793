import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { RESUME_BUILDER_GLOBAL, type ResumeBuilder } from '@/lib/resume/builder';
import { buildResumePdf } from '@/lib/resume/pdf';

/** Loaded by the background on demand (lib/background/resume-loader.ts); publishes the PDF builder. */
export default defineUnlistedScript(() => {
  const builder: ResumeBuilder = { buildResumePdf };
  (globalThis as Record<string, unknown>)[RESUME_BUILDER_GLOBAL] = builder;
});
