/** Particles that start a last name (SPEC §5): "José María de la Cruz Pérez" → "de la Cruz Pérez". */
const PARTICLES = new Set([
  'de',
  'del',
  'della',
  'di',
  'da',
  'dos',
  'du',
  'van',
  'von',
  'le',
  'la',
  'bin',
  'al',
  'ter',
  'ten',
]);
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

export interface SplitName {
  firstName: string;
  lastName: string;
}

/**
 * Greenhouse needs a first and a last name. Whitespace collapses; a particle (not the first or last word)
 * starts the last name; otherwise the last word is the last name; a CJK name written without spaces gives its
 * first character as the last name; a single word gets "-" as the last name.
 */
export function splitName(fullName: string): SplitName {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return { firstName: '-', lastName: '-' };
  if (words.length === 1) {
    const [word] = words as [string];
    const chars = [...word];
    if (CJK.test(word) && chars.length >= 2)
      return { firstName: chars.slice(1).join(''), lastName: chars[0]! };
    return { firstName: word, lastName: '-' };
  }
  const particleAt = words.findIndex(
    (w, i) => i > 0 && i < words.length - 1 && PARTICLES.has(w.toLowerCase()),
  );
  const cut = particleAt > 0 ? particleAt : words.length - 1;
  return { firstName: words.slice(0, cut).join(' '), lastName: words.slice(cut).join(' ') };
}
