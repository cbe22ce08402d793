import type { buildResumePdf } from './pdf';

/**
 * The resume PDF code (pdf-lib and fontkit, about two thirds of the worker's old bundle) is its own script,
 * `resume-builder.js` (entrypoints/resume-builder.ts), evaluated only when a resume is made: a worker woken by a click
 * evaluates none of it before the export's first request (Chrome still loads it at every start: resume-loader.ts).
 * It publishes itself on this global.
 */
export const RESUME_BUILDER_FILE = '/resume-builder.js';
export const RESUME_BUILDER_GLOBAL = '__pinGreenhouseSyncResumeBuilder';

export interface ResumeBuilder {
  buildResumePdf: typeof buildResumePdf;
}
