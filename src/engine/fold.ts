/**
 * Character folding for matching. Every UTF-16 code unit folds to exactly one code unit, so an
 * offset in folded text is the same offset in the page's text and marks land on the right letters.
 * A code unit that folds to IGNORE (combining marks, soft hyphens, zero-width characters) is skipped
 * by the matcher, which is how decomposed "Erdog\u0306an" still matches "Erdogan".
 */

export const IGNORE = 0;
export const SPACE = 0x20;
export const HYPHEN = 0x2d;
export const APOSTROPHE = 0x27;

const SPECIAL: Record<number, number> = {
  160: SPACE, // no-break space
  8239: SPACE, // narrow no-break space
  8287: SPACE,
  12288: SPACE,
  8208: HYPHEN,
  8209: HYPHEN, // non-breaking hyphen
  8210: HYPHEN,
  8211: HYPHEN, // en dash, common in "Soviet–Afghan"
  8722: HYPHEN, // minus sign
  8216: APOSTROPHE,
  8217: APOSTROPHE,
  700: APOSTROPHE,
  699: APOSTROPHE,
  96: APOSTROPHE,
  180: APOSTROPHE,
  8242: APOSTROPHE,
  173: IGNORE, // soft hyphen
  8203: IGNORE,
  8204: IGNORE,
  8205: IGNORE,
  8288: IGNORE,
  65279: IGNORE,
  305: 0x69, // dotless ı → i (Turkish)
  248: 0x6f, // ø → o
  216: 0x6f,
  273: 0x64, // đ → d
  272: 0x64,
  322: 0x6c, // ł → l
  321: 0x6c,
  295: 0x68, // ħ → h
};

const WORD = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
const WHITE = /\s/u;

// Filled lazily: a page uses a few dozen distinct non-ASCII characters, not 65,536. Exported for the
// matcher's inner loop, which reads them directly (see Matcher.scan); everything else asks foldCode etc.
export const foldTable = new Uint16Array(65536);
/** For each code unit: bit 1: learnt, bit 2: word character, bit 4: upper case, bit 8: lower case. */
export const known = new Uint8Array(65536);
export const WORD_BIT = 2;

/** Fills in foldTable and known for a code unit. */
export function learn(code: number): void {
  if (code < 128) {
    learnAscii(code);
    return;
  }
  const ch = String.fromCharCode(code);
  let [word, mark, white] = knownClass(code, ch) ?? [WORD.test(ch), MARK.test(ch), WHITE.test(ch)];
  let folded: number;
  if (code in SPECIAL) {
    folded = SPECIAL[code] as number;
    // A character is a word character as what it folds to is: "dʼIvoire" is the words "d" and "ivoire",
    // as the glossary's "d'Ivoire" is, though ʼ is a letter.
    word = folded >= 0x61 && folded <= 0x7a;
  } else if (mark) folded = IGNORE;
  else if (white) folded = SPACE;
  else {
    const base = ch.normalize("NFD").charAt(0).toLowerCase();
    folded = base.length === 1 ? base.charCodeAt(0) : code;
  }
  foldTable[code] = folded;
  known[code] = 1 | (word ? 2 : 0) | (ch !== ch.toLowerCase() ? 4 : 0) | (ch !== ch.toUpperCase() ? 8 : 0);
}

/** Letters, digits and symbols in Latin-1 that \p{L} or \p{N} take: ª ² ³ µ ¹ º ¼ ½ ¾. */
const LATIN1_WORD = [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe];

/**
 * Whether a character is a letter, digit or mark, a combining mark, and white space, worked out
 * without the Unicode-property regular expressions for the characters news text is full of: accented
 * letters, Greek and Cyrillic, curly quotes, dashes, currency signs. Compiling those expressions costs
 * a page several milliseconds, so an English or French page never compiles them. Undefined for other
 * characters. fold.test.ts checks every answer against the expressions.
 */
export function knownClass(
  code: number,
  ch: string,
): [word: boolean, mark: boolean, white: boolean] | undefined {
  if (code >= 0x300 && code <= 0x36f) return [true, true, false]; // combining diacritical marks
  if (code < 0xc0) return [LATIN1_WORD.includes(code), false, code === 0xa0];
  // Below the punctuation blocks, a letter with case is a letter.
  if (code < 0x2000 && (ch !== ch.toLowerCase() || ch !== ch.toUpperCase())) return [true, false, false];
  if (code >= 0x2000 && code <= 0x206f) {
    const white = code <= 0x200a || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
    return [false, false, white];
  }
  if (code >= 0x20a0 && code <= 0x20cf) return [false, false, false]; // currency signs
  return undefined;
}

/**
 * ASCII worked out by hand: the same answers as learn's regular expressions (fold.test.ts checks),
 * without compiling them. On an English page they are then never compiled at all, which saves the
 * content script 7 ms inside the page's first parse on a fresh browser.
 */
function learnAscii(code: number): void {
  const upper = code >= 0x41 && code <= 0x5a;
  const lower = code >= 0x61 && code <= 0x7a;
  const digit = code >= 0x30 && code <= 0x39;
  const white = code === 0x20 || (code >= 0x09 && code <= 0x0d);
  foldTable[code] = code === 0x60 ? APOSTROPHE : white ? SPACE : upper ? code + 0x20 : code;
  known[code] = 1 | (upper || lower || digit ? 2 : 0) | (upper ? 4 : 0) | (lower ? 8 : 0);
}

/** The folded code unit: lowercase, without diacritics, one kind of space, hyphen and apostrophe. */
export function foldCode(code: number): number {
  if (known[code] === 0) learn(code);
  return foldTable[code] as number;
}

/** Letters, digits and combining marks in any script: JavaScript's \b knows only ASCII. */
export function isWordCode(code: number): boolean {
  if (known[code] === 0) learn(code);
  return ((known[code] as number) & 2) !== 0;
}

/** Whether code is a letter with a lower case form different from itself. */
export function isUpperCode(code: number): boolean {
  if (known[code] === 0) learn(code);
  return ((known[code] as number) & 4) !== 0;
}

/** Whether code is a letter with an upper case form different from itself. */
export function isLowerCode(code: number): boolean {
  if (known[code] === 0) learn(code);
  return ((known[code] as number) & 8) !== 0;
}

/** Folds a whole string the way the matcher sees it, dropping ignorable characters. */
export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (code !== IGNORE) out += String.fromCharCode(code);
  }
  return out;
}

/** The form a glossary alias is stored in: folded, trimmed, each run of spaces made one. */
export function foldAlias(alias: string): string {
  return fold(alias).trim().replace(/ +/g, " ");
}
