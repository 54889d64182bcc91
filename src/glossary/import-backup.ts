/**
 * A Backstory export read back: its shape checked, then every glossary's entries checked as in any
 * imported file. Restoring it gives back exactly the state it was exported from. Pure.
 */
import * as v from "valibot";
import { withDefaults } from "../shared/settings";
import type { Backup, ImportContext, ImportResult } from "./import";
import { checkEntries, forbiddenKeyPath } from "./import-entries";
import { entryPlace, type Message, message, PROBLEM_MESSAGES, type Problem, problem } from "./problems";
import type { GlossarySource, ReaderGlossary } from "./reader-glossary";
import { ID } from "./schema";
import { issueMessage, issuePath } from "./schema-problems";

const HTTPS = /^https:\/\/[^\s<>]+$/;
const KEYS = Object.keys(PROBLEM_MESSAGES) as [keyof typeof PROBLEM_MESSAGES];

/** A stored message (a subscription's last error), as the options page will word it. */
const MessageShape: v.GenericSchema<Message> = v.strictObject({
  key: v.picklist(KEYS),
  params: v.pipe(
    v.array(
      v.union([
        v.pipe(v.string(), v.maxLength(1000)),
        v.lazy(() => MessageShape),
        v.lazy(() => ProblemShape),
      ]),
    ),
    v.maxLength(9),
  ),
});

const ProblemShape: v.GenericSchema<Problem> = v.strictObject({
  file: v.optional(v.pipe(v.string(), v.maxLength(1000))),
  at: v.optional(MessageShape),
  field: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(20))),
  message: MessageShape,
});

const SourceShape = v.variant("kind", [
  v.strictObject({ kind: v.literal("made") }),
  v.strictObject({ kind: v.literal("file"), fileName: v.pipe(v.string(), v.maxLength(300)) }),
  v.strictObject({
    kind: v.literal("subscription"),
    url: v.pipe(v.string(), v.regex(HTTPS, "problemHttps")),
    lastUpdate: v.optional(v.pipe(v.string(), v.maxLength(40))),
    // Text: an error recorded by a Backstory that did not yet keep errors as messages.
    lastError: v.optional(v.union([v.pipe(v.string(), v.maxLength(1000)), ProblemShape])),
  }),
]);

const BackupShape = v.strictObject({
  backstory: v.literal("export"),
  version: v.literal(1, "problemExportVersion"),
  exported: v.optional(v.string()),
  settings: v.record(v.string(), v.unknown()),
  glossaries: v.array(
    v.strictObject({
      id: v.pipe(v.string(), v.regex(ID, "problemIdForm")),
      name: v.pipe(v.string(), v.trim(), v.nonEmpty("problemEmpty"), v.maxLength(100)),
      source: SourceShape,
      entries: v.array(v.unknown()),
    }),
  ),
});

export function parseBackup(
  fileName: string,
  data: Record<string, unknown>,
  context: ImportContext,
): ImportResult {
  const forbidden = forbiddenKeyPath({ ...data, glossaries: undefined });
  if (forbidden) {
    return { ok: false, error: problem(fileName, message("problemForbiddenKey"), undefined, forbidden) };
  }
  const result = v.safeParse(BackupShape, data);
  if (!result.success) {
    const issue = result.issues[0];
    return { ok: false, error: problem(fileName, issueMessage(issue), undefined, issuePath(issue)) };
  }
  // A restore replaces every reader glossary, so only the bundled glossary's ids are taken.
  const bundledOnly = new Map([...context.taken].filter(([, owner]) => owner.key === "problemOwnerBuiltIn"));
  const seen = new Map<string, Message>();
  const invalid: Problem[] = [];
  const glossaries: ReaderGlossary[] = [];
  const ids = new Set<string>();
  let total = 0;
  for (const glossary of result.output.glossaries) {
    if (ids.has(glossary.id)) {
      const what = message("problemGlossaryIdTwice", glossary.id);
      invalid.push(problem(fileName, what, message("problemAtGlossary", glossary.name), ["id"]));
    }
    ids.add(glossary.id);
    total += glossary.entries.length;
    const checked = checkEntries(glossary.entries, {
      file: fileName,
      taken: bundledOnly,
      where: (n, id) => message("problemAtGlossaryEntry", glossary.name, entryPlace(n, id)),
      seen,
    });
    invalid.push(...checked.invalid);
    glossaries.push({
      id: glossary.id,
      name: glossary.name,
      source: glossary.source as GlossarySource,
      entries: checked.entries,
    });
  }
  const backup: Backup = { settings: withDefaults(result.output.settings), glossaries };
  return { ok: true, kind: "backup", backup, invalid, total };
}
