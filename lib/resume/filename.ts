import type { PinCandidate } from '../model/pin';

/** "<name> - Pin resume.pdf", with characters file systems refuse removed. */
export function resumeFilename(candidate: PinCandidate): string {
  const safe =
    candidate.name
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, '')
      .slice(0, 80) || 'Candidate';
  return `${safe} - Pin resume.pdf`;
}
