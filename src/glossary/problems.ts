/**
 * What is wrong with a reader's file, subscription or form, as data: a message key of
 * `_locales/en/messages.json` with its substitutions, and the place (the file or URL, the entry or
 * line, the field). The pure core builds them; the options page words them with `t()`, so the core
 * holds no English and every language names the same file, entry and field.
 */

/**
 * Every key a problem can carry, with the names of its substitutions in order (they are the
 * placeholder names in messages.json; problems.test.ts checks the two agree).
 */
export const PROBLEM_MESSAGES = {
  // Places in a file.
  problemAtEntry: ["n"],
  problemAtEntryId: ["n", "id"],
  problemAtLine: ["n"],
  problemAtGlossaryEntry: ["name", "entry"],
  problemAtGlossary: ["name"],
  problemOwnerBuiltIn: [],
  problemOwnerGlossary: ["name"],
  // Whole files.
  problemTooBig: ["size", "max"],
  problemUnreadable: ["detail"],
  problemNotJson: ["detail"],
  problemNotJsonAt: ["line", "column"],
  problemNotJsonEnd: [],
  problemNotGlossary: ["what"],
  problemKindNull: [],
  problemKindObject: [],
  problemKindText: [],
  problemKindNumber: [],
  problemKindBoolean: [],
  problemEmptyFile: [],
  problemCsvUnclosed: [],
  problemCsvAfterQuote: [],
  problemCsvHeader: ["problem"],
  problemCsvMissing: ["columns"],
  problemCsvUnknown: ["columns"],
  problemCsvMissingUnknown: ["missing", "unknown"],
  problemCsvFieldCount: ["count", "columns"],
  // Entries.
  problemForbiddenKey: [],
  problemReservedId: ["id"],
  problemIdTwice: ["id", "other"],
  problemIdTaken: ["id", "owner"],
  problemGlossaryIdTwice: ["id"],
  problemAliasStart: [],
  problemNotWithinOwn: ["name"],
  problemNotWithinNone: ["name"],
  // The schema's checks (valibot's issues, in our words: see schema-problems.ts).
  problemEmpty: [],
  problemTooLong: ["max"],
  problemTooShort: ["min"],
  problemNoAlias: [],
  problemNoSource: [],
  problemTooFew: ["min"],
  problemMarkup: [],
  problemIdForm: [],
  problemPartialDate: [],
  problemDate: [],
  problemNotUrl: [],
  problemHttps: [],
  problemOneOf: ["options"],
  problemAliasShape: [],
  problemAliasPlain: [],
  problemAliasPeriod: [],
  problemMissing: [],
  problemUnknownKey: [],
  problemNotText: [],
  problemNotNumber: [],
  problemNotList: [],
  problemNotObject: [],
  problemMustBe: ["value"],
  problemExportVersion: [],
  problemMinValue: ["min"],
  problemMaxValue: ["max"],
  problemInvalid: [],
  // Subscriptions.
  problemNotAUrl: ["url"],
  problemSubscriptionHttps: [],
  problemServerAnswered: ["status"],
  problemFetchFailed: ["detail"],
  problemIsExport: [],
  problemNoEntries: [],
  problemSubscriptionInvalid: ["count", "total", "first"],
  // Saving.
  problemSaveFull: ["detail"],
  problemSaveRefused: ["detail"],
  // The entry form, in whole sentences: a field's problem, or what to put in an empty one.
  myEntryFieldError: ["problem"],
  myEntryListError: ["problem"],
  myEntryAddTitle: [],
  myEntryAddSummary: [],
  myEntryAddSource: [],
} as const satisfies Record<string, readonly string[]>;

export type ProblemKey = keyof typeof PROBLEM_MESSAGES;

/**
 * Messages about a number of things, with the place of that number among their substitutions: each
 * has a form per plural category in messages.json (`problemTooFew_one`, `problemTooFew_other`).
 */
export const COUNTED: Partial<Record<ProblemKey, number>> = {
  problemCsvFieldCount: 0,
  problemTooFew: 0,
};

/**
 * Plural categories as messages.json's language has them. It is English only; a translation would
 * bring its own language's forms (`_few`, `_many`…) and this would read its language.
 */
const PLURAL_RULES = new Intl.PluralRules("en");

/** The key of a message's form for a count: `key_one` for 1, `key_other` for 0 or 2 (in English). */
export const pluralKey = (key: string, count: number): string => `${key}_${PLURAL_RULES.select(count)}`;

/** A substitution: plain text (a file name, an id, a number), or a message worded in its turn. */
export type Param = string | Message | Problem;

/** One message: a key and exactly as many substitutions as its placeholders. */
export interface Message {
  key: ProblemKey;
  params: Param[];
}

/** A problem and where it is: `file: at › field: message`. */
export interface Problem {
  /** The file's name or the subscription's URL; absent when the message names what it is about. */
  file?: string;
  /** The entry, the line, or the glossary and entry of an export. */
  at?: Message;
  /** The field's path in the entry (["sources", "0", "url"]), or the CSV column. */
  field?: string[];
  message: Message;
}

/** A Param for each placeholder name (mapped over a type parameter, so tuples stay tuples). */
type ParamsFor<Names extends readonly string[]> = { -readonly [I in keyof Names]: Param };
type Params<K extends ProblemKey> = ParamsFor<(typeof PROBLEM_MESSAGES)[K]>;

/** A message; the type asks for exactly as many substitutions as the key has placeholders. */
export function message<K extends ProblemKey>(key: K, ...params: Params<K>): Message {
  return { key, params: params as Param[] };
}

/** A problem in a file (or at a URL), at a place and field when it has them. */
export function problem(
  file: string | undefined,
  what: Message,
  at?: Message,
  field?: readonly (string | number)[],
): Problem {
  const result: Problem = { message: what };
  if (file !== undefined) result.file = file;
  if (at) result.at = at;
  if (field && field.length > 0) result.field = field.map(String);
  return result;
}

/** Where an entry is: by position, and by its id when the id is readable. */
export function entryPlace(index: number, id: unknown): Message {
  const n = String(index + 1);
  return typeof id === "string" && id.length <= 100
    ? message("problemAtEntryId", n, id)
    : message("problemAtEntry", n);
}

/** Looks a key up in the reader's language, with its substitutions: `t()` of shared/i18n.ts. */
export type Translate = (key: string, substitutions: string[]) => string;

const isProblem = (param: Message | Problem): param is Problem => "message" in param;

/** Words a message in the reader's language. */
export function formatMessage(what: Message, t: Translate): string {
  const counted = COUNTED[what.key];
  const count = counted === undefined ? undefined : Number(what.params[counted]);
  return t(
    count === undefined ? what.key : pluralKey(what.key, count),
    what.params.map((param) =>
      typeof param === "string"
        ? param
        : isProblem(param)
          ? formatProblem(param, t)
          : formatMessage(param, t),
    ),
  );
}

/**
 * Words a problem: "import.csv: line 3 › source: must start with https://". The separators are
 * punctuation, the same in every language Backstory's wording is likely to be translated into.
 */
export function formatProblem(found: Problem, t: Translate): string {
  const where = [found.file, found.at && formatMessage(found.at, t)].filter(Boolean).join(": ");
  const field = found.field?.join(" › ");
  const what = formatMessage(found.message, t);
  if (field) return where ? `${where}${found.at ? " › " : ": "}${field}: ${what}` : `${field}: ${what}`;
  return where ? `${where}: ${what}` : what;
}
