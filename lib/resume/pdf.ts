import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { PinCandidate } from '../model/pin';
import { formatAddress } from '../sync/mapping/contact';
import type { ResumeFonts } from './fonts';

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = 50;
const FOOTER_SPACE = 40;
const INK = rgb(0.12, 0.14, 0.18);
const MUTED = rgb(0.38, 0.42, 0.48);

interface Glyphs {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
interface FontPair {
  primary: PDFFont;
  primaryGlyphs: Glyphs;
  fallback: PDFFont | null;
  fallbackGlyphs: Glyphs | null;
}
interface Run {
  text: string;
  font: PDFFont;
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Splits text into runs of one font each; characters no font can draw are dropped (control marks, emoji). */
function toRuns(text: string, fonts: FontPair): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    const font = fonts.primaryGlyphs.hasGlyphForCodePoint(cp)
      ? fonts.primary
      : fonts.fallbackGlyphs?.hasGlyphForCodePoint(cp)
        ? fonts.fallback
        : null;
    if (!font) continue;
    const last = runs.at(-1);
    if (last && last.font === font) last.text += char;
    else runs.push({ text: char, font });
  }
  return runs;
}

class Writer {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: FontPair,
    private readonly bold: FontPair,
  ) {
    this.page = doc.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - MARGIN;
  }

  private width(runs: Run[], size: number): number {
    return runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
  }

  private ensureSpace(height: number): void {
    if (this.y - height < MARGIN + FOOTER_SPACE) {
      this.page = this.doc.addPage([PAGE.width, PAGE.height]);
      this.y = PAGE.height - MARGIN;
    }
  }

  private drawLine(runs: Run[], size: number, color = INK): void {
    this.ensureSpace(size * 1.4);
    this.y -= size * 1.4;
    let x = MARGIN;
    for (const run of runs) {
      this.page.drawText(run.text, { x, y: this.y, size, font: run.font, color });
      x += run.font.widthOfTextAtSize(run.text, size);
    }
  }

  /** Word-wraps text to the page width; CJK text may break between any two characters. */
  text(value: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb> } = {}): void {
    const size = options.size ?? 10.5;
    const fonts = options.bold ? this.bold : this.regular;
    const maxWidth = PAGE.width - MARGIN * 2;
    for (const paragraph of value.split(/\r?\n/)) {
      const tokens = paragraph.match(
        new RegExp(
          `${CJK_CHAR.source}|[^\\s\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]+\\s*|\\s+`,
          'gu',
        ),
      ) ?? [''];
      let line = '';
      for (const token of tokens) {
        const candidate = line + token;
        if (line && this.width(toRuns(candidate.trimEnd(), fonts), size) > maxWidth) {
          this.drawLine(toRuns(line.trimEnd(), fonts), size, options.color);
          line = token.trimStart();
          // A single token wider than the line is cut by characters (one pass over its characters).
          if (this.width(toRuns(line, fonts), size) > maxWidth)
            line = this.cutLongToken(line, fonts, size, maxWidth, options.color);
        } else {
          line = candidate;
        }
      }
      this.drawLine(toRuns(line.trimEnd(), fonts), size, options.color);
    }
  }

  /** Draws full lines of an over-long token and returns the rest. */
  private cutLongToken(
    token: string,
    fonts: FontPair,
    size: number,
    maxWidth: number,
    color?: ReturnType<typeof rgb>,
  ): string {
    let line = '';
    let width = 0;
    for (const char of token) {
      const w = this.width(toRuns(char, fonts), size);
      if (line && width + w > maxWidth) {
        this.drawLine(toRuns(line, fonts), size, color);
        line = '';
        width = 0;
      }
      line += char;
      width += w;
    }
    return line;
  }

  gap(points: number): void {
    this.y -= points;
  }

  heading(value: string): void {
    this.ensureSpace(40);
    this.gap(8);
    this.text(value.toUpperCase(), { size: 11, bold: true, color: MUTED });
  }

  footer(text: string): void {
    const pages = this.doc.getPages();
    pages.forEach((page, index) => {
      const runs = toRuns(`${text} · Page ${index + 1} of ${pages.length}`, this.regular);
      let x = MARGIN;
      for (const run of runs) {
        page.drawText(run.text, { x, y: MARGIN - 20, size: 7.5, font: run.font, color: MUTED });
        x += run.font.widthOfTextAtSize(run.text, 7.5);
      }
    });
  }
}

function needsFallback(candidate: PinCandidate, glyphs: Glyphs): boolean {
  const all = JSON.stringify(candidate);
  for (const char of all)
    if (!glyphs.hasGlyphForCodePoint(char.codePointAt(0)!) && CJK_CHAR.test(char)) return true;
  return false;
}

const dateRange = (start: string | null, end: string | null) =>
  `${start ?? 'Start unknown'} – ${end ?? 'Present'}`;

/**
 * The Pin-generated resume (SPEC §5.4): name, headline, location, contact lines, LinkedIn, summary,
 * experience, education, skills, and a footer saying where and when it was generated. Fonts are embedded
 * (subset) so any Unicode name renders and the text stays extractable.
 */
export async function buildResumePdf(
  candidate: PinCandidate,
  options: { fonts: ResumeFonts; profileUrl: string; generatedAt: Date },
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(`${candidate.name} — Pin profile`);
  doc.setProducer('Pin Greenhouse Sync');
  doc.setCreator('Pin Greenhouse Sync');
  doc.setCreationDate(options.generatedAt);

  const regularGlyphs = fontkit.create(options.fonts.regular) as unknown as Glyphs;
  const boldGlyphs = fontkit.create(options.fonts.bold) as unknown as Glyphs;
  let fallback: PDFFont | null = null;
  let fallbackGlyphs: Glyphs | null = null;
  if (needsFallback(candidate, regularGlyphs)) {
    const bytes = await options.fonts.fallback();
    fallbackGlyphs = fontkit.create(bytes) as unknown as Glyphs;
    fallback = await doc.embedFont(bytes, { subset: true });
  }
  const regular: FontPair = {
    primary: await doc.embedFont(options.fonts.regular, { subset: true }),
    primaryGlyphs: regularGlyphs,
    fallback,
    fallbackGlyphs,
  };
  const bold: FontPair = {
    primary: await doc.embedFont(options.fonts.bold, { subset: true }),
    primaryGlyphs: boldGlyphs,
    fallback,
    fallbackGlyphs,
  };
  const w = new Writer(doc, regular, bold);

  w.text(candidate.name.trim().replace(/\s+/g, ' '), { size: 20, bold: true });
  if (candidate.headline) w.text(candidate.headline, { size: 12 });
  const address = formatAddress(candidate.location);
  if (address) w.text(address, { color: MUTED });
  w.gap(6);
  for (const email of candidate.emails) w.text(`Email (${email.type}): ${email.address}`);
  for (const phone of candidate.phones) w.text(`Phone: ${phone}`);
  if (candidate.linkedinUrl) w.text(`LinkedIn: ${candidate.linkedinUrl}`);

  if (candidate.summary) {
    w.heading('Summary');
    w.text(candidate.summary);
  }
  if (candidate.experience.length) {
    w.heading('Experience');
    for (const job of candidate.experience) {
      w.text(`${job.title} — ${job.company}`, { bold: true });
      w.text(dateRange(job.start, job.end), { size: 9.5, color: MUTED });
      w.gap(3);
    }
  }
  if (candidate.education.length) {
    w.heading('Education');
    for (const school of candidate.education) {
      w.text(school.school, { bold: true });
      const details = [school.degree, school.field].filter(Boolean).join(', ');
      const years = [school.startYear, school.endYear].filter((y) => y !== null).join(' – ');
      if (details || years) w.text([details, years].filter(Boolean).join(' · '), { size: 9.5, color: MUTED });
      w.gap(3);
    }
  }
  if (candidate.skills.length) {
    w.heading('Skills');
    w.text(candidate.skills.join(' · '));
  }
  w.footer(
    `Generated by Pin Greenhouse Sync from the Pin profile ${options.profileUrl} on ${options.generatedAt.toISOString().slice(0, 10)}`,
  );
  return doc.save();
}

export { resumeFilename } from './filename';
