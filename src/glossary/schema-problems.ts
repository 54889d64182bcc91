/**
 * Valibot's issues in our own words: each issue becomes one of our message keys, so nothing of
 * valibot's English reaches a reader. Pure.
 */
import type * as v from "valibot";
import { type Message, message, PROBLEM_MESSAGES, type ProblemKey } from "./problems";
import { ALIAS_PERIOD, ALIAS_PLAIN, FULL_DATE, ID, NO_MARKUP, PARTIAL_DATE } from "./schema";

type Issue = v.BaseIssue<unknown> & { requirement?: unknown };

const PATTERNS = new Map<unknown, ProblemKey>([
  [NO_MARKUP, "problemMarkup"],
  [ID, "problemIdForm"],
  [PARTIAL_DATE, "problemPartialDate"],
  [FULL_DATE, "problemDate"],
]);

const CHECKS = new Map<unknown, ProblemKey>([
  [ALIAS_PLAIN, "problemAliasPlain"],
  [ALIAS_PERIOD, "problemAliasPeriod"],
]);

const TYPES: Record<string, ProblemKey> = {
  string: "problemNotText",
  number: "problemNotNumber",
  array: "problemNotList",
  object: "problemNotObject",
  strict_object: "problemNotObject",
  record: "problemNotObject",
  url: "problemNotUrl",
  starts_with: "problemHttps",
  non_empty: "problemEmpty",
};

/** The path of an issue as field names: ["sources", "0", "url"]. */
export function issuePath(issue: v.BaseIssue<unknown>): string[] {
  return (issue.path ?? []).map((step) => String(step.key));
}

/** One issue as one of our messages. */
export function issueMessage(issue: Issue): Message {
  // Schemas of our own may name their key as the issue's message (see import.ts).
  const own = issue.message as ProblemKey;
  if (Object.hasOwn(PROBLEM_MESSAGES, own) && PROBLEM_MESSAGES[own].length === 0)
    return { key: own, params: [] };
  const path = issuePath(issue);
  const requirement = String(issue.requirement ?? "");
  switch (issue.type) {
    case "regex":
      return message(PATTERNS.get(issue.requirement) ?? "problemInvalid");
    case "max_length":
      return message("problemTooLong", requirement);
    case "min_length":
      if (typeof issue.input === "string") return message("problemTooShort", requirement);
      if (path.length === 1 && path[0] === "aliases") return message("problemNoAlias");
      if (path.length === 1 && path[0] === "sources") return message("problemNoSource");
      return message("problemTooFew", requirement);
    case "min_value":
      return message("problemMinValue", requirement);
    case "max_value":
      return message("problemMaxValue", requirement);
    case "picklist":
    case "variant":
      return message("problemOneOf", choices(issue.expected));
    case "literal":
      return message("problemMustBe", issue.expected ?? "");
    case "check":
      return message(CHECKS.get(issue.message) ?? "problemInvalid");
    case "union":
      return message(path[0] === "aliases" ? "problemAliasShape" : "problemInvalid");
  }
  if (issue.type === "strict_object" || issue.type === "object") {
    // An object's issue at a key is about the key: missing, or one the schema does not know.
    if (issue.expected === "never") return message("problemUnknownKey");
    if (issue.input === undefined && path.length > 0) return message("problemMissing");
  }
  return message(TYPES[issue.type] ?? "problemInvalid");
}

/** '("a" | "b")' → "a, b" */
function choices(expected: string | null): string {
  return (expected ?? "")
    .replace(/^\(|\)$/g, "")
    .split(" | ")
    .map((choice) => choice.replace(/^"|"$/g, ""))
    .join(", ");
}
