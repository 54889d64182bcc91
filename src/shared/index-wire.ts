/**
 * How a page's entry table (see entry-table.ts) travels from the background to a page: as texts,
 * packed into pieces of at most INDEX_PIECE characters, one message each (a long text is cut, short
 * ones share a piece). A page reads each message in a task of its own. The page needs no more of the
 * index: the background finds the terms in its text (see scanTexts).
 * Measured in Chromium with a 50,000-term index (about 5 million characters): one message took one
 * task of 160-180 ms, most of it Chromium handing the message over (about 40 ns a character), and
 * parsing a 2-million-character part as JSON in the page took 50 ms more. So the table's long
 * strings travel as they are, cut small, and only the rest is JSON.
 */
import type { EntryColumns } from "../glossary/entry-table";

export const INDEX_PIECE = 100_000;

/** One message's worth of the entry table: parts of its texts, each with its text's number, in order. */
export interface IndexPiece {
  /** Which packing it is from (see indexPieceServer). */
  made: number;
  /** Which entries the index holds, in which order (see indexVersion): the page sends it with its text. */
  version: string;
  /** How many pieces the whole table comes in. */
  pieces: number;
  parts: [text: number, part: string][];
}

/** The table as packTexts lays it out: each piece's parts, piece by piece. */
export type PackedIndex = IndexPiece["parts"][];

/** The long strings, sent as they are. */
const LONG_TEXTS = ["ids", "titles", "categories"] as const satisfies (keyof EntryColumns)[];

/** How many texts the table travels as: the JSON of the rest, then each long string. */
export const TABLE_TEXTS = 1 + LONG_TEXTS.length;

export function entryTableTexts(entries: EntryColumns): string[] {
  const rest = { ...entries };
  for (const field of LONG_TEXTS) rest[field] = "";
  return [JSON.stringify(rest), ...LONG_TEXTS.map((field) => entries[field])];
}

/** The entry table from its texts (as entryTableTexts made them). */
export function entryTableFromTexts(texts: readonly string[]): EntryColumns {
  const [rest = "", ...long] = texts;
  const entries = JSON.parse(rest) as EntryColumns;
  for (const field of LONG_TEXTS) entries[field] = long.shift() ?? "";
  return entries;
}

/** The text in pieces of at most `size` characters, never cut between the halves of a surrogate pair; at least one. */
export function cutText(text: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  do {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && end - 1 > start) end--;
    pieces.push(text.slice(start, end));
    start = end;
  } while (start < text.length);
  return pieces;
}

/** The texts in pieces of at most `size` characters: a long text cut (cutText), short ones together. */
export function packTexts(texts: readonly string[], size: number): PackedIndex {
  const pieces: PackedIndex = [];
  let piece: IndexPiece["parts"] = [];
  let used = 0;
  texts.forEach((text, n) => {
    for (const part of cutText(text, size)) {
      if (used + part.length > size && piece.length > 0) {
        pieces.push(piece);
        piece = [];
        used = 0;
      }
      piece.push([n, part]);
      used += part.length;
    }
  });
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/**
 * Each of the index's texts as the parts it came in, from all its pieces in order; undefined
 * unless every piece came, all from one index.
 */
export function unpackTexts(pieces: readonly (IndexPiece | undefined)[]): string[][] | undefined {
  const made = pieces[0]?.made;
  const whole = pieces.length === pieces[0]?.pieces && pieces.every((piece) => piece?.made === made);
  if (!whole) return undefined;
  const texts: string[][] = Array.from({ length: TABLE_TEXTS }, () => []);
  for (const piece of pieces) for (const [text, part] of piece?.parts ?? []) texts[text]?.push(part);
  return texts.every((parts) => parts.length > 0) ? texts : undefined;
}
