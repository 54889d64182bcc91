import { describe, expect, it } from "vitest";
import { type EntryFields, emptyFields, entryFromFields, fieldsOf, keepUnshown } from "./entry-form";
import { englishMessage } from "./problems-english";
import type { Entry } from "./schema";

const taken = new Map([["idlib", "the built-in glossary"]]);

/** The form's errors worded in English, as the options page shows them. */
function errorsOf(fields: EntryFields): { ok: boolean; errors?: Record<string, string> } {
  const result = entryFromFields(fields, taken, "2026-11-25");
  if (result.ok) return { ok: true };
  const errors = Object.entries(result.errors).map(([field, what]) => [field, englishMessage(what)]);
  return { ok: false, errors: Object.fromEntries(errors) };
}

describe("entryFromFields", () => {
  it("makes an entry with an id from the title, free of ids already used", () => {
    const result = entryFromFields(
      {
        title: "Idlib",
        category: "place",
        summary: "My own note.",
        aliases: "Idleb; IDB",
        source: "https://example.org/idlib",
        require: "",
        exclude: "",
        notWithin: "",
      },
      taken,
      "2026-11-25",
    );
    expect(result).toEqual({
      ok: true,
      entry: {
        id: "idlib-2",
        title: "Idlib",
        aliases: ["Idlib", "Idleb", { text: "IDB", caseSensitive: true }],
        category: "place",
        summary: "My own note.",
        sources: [{ title: "example.org", url: "https://example.org/idlib" }],
        reviewed: "2026-11-25",
      },
    });
    if (result.ok)
      expect(fieldsOf(result.entry)).toEqual({
        title: "Idlib",
        category: "place",
        summary: "My own note.",
        aliases: "Idleb; IDB",
        source: "https://example.org/idlib",
        require: "",
        exclude: "",
        notWithin: "",
      });
  });

  it("names each field's problem: empty title and summary, markup, a javascript: link", () => {
    expect(errorsOf({ ...emptyFields(), source: "javascript:alert(1)" })).toEqual({
      ok: false,
      errors: {
        title: "Add a title: the name Backstory looks for on pages.",
        summary: "Add a summary: a few plain sentences about it.",
        source: "This field must start with https://.",
      },
    });
    const markup = errorsOf({
      ...emptyFields(),
      title: "Fine",
      category: "concept",
      summary: "<img src=x onerror=alert(1)>",
      aliases: "-x",
      source: "http://example.org/",
    });
    expect(markup).toEqual({
      ok: false,
      errors: {
        summary: "This field must be plain text, without < or >.",
        source: "This field must start with https://.",
        aliases: "This field must start with a letter or digit.",
      },
    });
  });

  it("says what to put in each empty field the entry needs, the source's address included", () => {
    expect(errorsOf({ ...emptyFields(), title: "Kestrel Bay", summary: " " })).toEqual({
      ok: false,
      errors: {
        summary: "Add a summary: a few plain sentences about it.",
        source: "Add the address of a source, starting with https://.",
      },
    });
  });

  it("reads when to mark it from lists separated by semicolons, a comma being part of a name", () => {
    const result = entryFromFields(
      {
        ...emptyFields(),
        title: "Jordan",
        summary: "A made-up note.",
        source: "https://example.org/jordan",
        require: "Amman; king;Hashemite",
        exclude: " ;basketball; Washington, D.C.;",
        notWithin: "Jordan River; Michael Jordan, Jr.",
      },
      taken,
      "2026-11-25",
    );
    expect(result.ok && result.entry).toMatchObject({
      context: { require: ["Amman", "king", "Hashemite"], exclude: ["basketball", "Washington, D.C."] },
      notWithin: ["Jordan River", "Michael Jordan, Jr."],
    });
    if (result.ok) {
      const fields = fieldsOf(result.entry);
      expect([fields.require, fields.exclude, fields.notWithin]).toEqual([
        "Amman; king; Hashemite",
        "basketball; Washington, D.C.",
        "Jordan River; Michael Jordan, Jr.",
      ]);
    }
    const none = entryFromFields(
      { ...emptyFields(), title: "Xy", summary: "S.", source: "https://e.org/" },
      taken,
      "2026-11-25",
    );
    expect(none.ok).toBe(true);
    if (none.ok) expect(Object.keys(none.entry)).not.toContain("context");
    if (none.ok) expect(Object.keys(none.entry)).not.toContain("notWithin");
  });

  it("refuses a longer name that is one of the entry's names, or holds none of them", () => {
    const fields = { ...emptyFields(), title: "Obama", summary: "S.", source: "https://example.org/" };
    expect(errorsOf({ ...fields, notWithin: "Michelle Obama; Obamacare" }).errors).toEqual({
      notWithin: '"Obamacare" does not contain any of the entry\'s names as whole words.',
    });
    expect(errorsOf({ ...fields, aliases: "Barack Obama", notWithin: "barack obama" }).errors).toEqual({
      notWithin: '"barack obama" is one of the entry\'s own names, so it would never be marked.',
    });
    expect(errorsOf({ ...fields, require: "x".repeat(81) }).errors).toEqual({
      require: "This field must be at most 80 characters.",
    });
  });

  it("keeps the id of an entry being edited", () => {
    const result = entryFromFields(
      { ...emptyFields(), title: "Renamed", summary: "S.", source: "https://example.org/" },
      taken,
      "2026-11-25",
      "original-id",
    );
    expect(result.ok && result.entry.id).toBe("original-id");
  });
});

describe("keepUnshown", () => {
  const before: Entry = {
    id: "harrow-weir",
    title: "Harrow Weir",
    aliases: ["Harrow Weir", { text: "Harrow", caseSensitive: true }],
    category: "place",
    summary: "A made-up weir.",
    timeline: [{ date: "2019-05", text: "Rebuilt." }],
    sources: [
      { title: "First", url: "https://example.org/a" },
      { title: "Second", url: "https://example.org/b" },
    ],
    reviewed: "2026-11-01",
  };
  const edit = (fields: Partial<EntryFields>): Entry => {
    const result = entryFromFields({ ...fieldsOf(before), ...fields }, new Map(), "2026-11-27", before.id);
    if (!result.ok) throw new Error("the form refused the edit");
    return keepUnshown(before, result.entry);
  };

  it("takes context words and longer names from the form: emptied there, they are gone", () => {
    const ruled: Entry = { ...before, context: { require: ["river"] }, notWithin: ["Harrow Weir Road"] };
    const result = entryFromFields(
      { ...fieldsOf(ruled), require: "", notWithin: "" },
      new Map(),
      "2026-11-27",
      ruled.id,
    );
    if (!result.ok) throw new Error("the form refused the edit");
    const after = keepUnshown(ruled, result.entry);
    expect("context" in after || "notWithin" in after).toBe(false);
    expect(after.timeline).toEqual(before.timeline);
  });

  it("keeps the timeline, each alias's letter case and every source while the first is unchanged", () => {
    expect(edit({ summary: "Edited." })).toEqual({ ...before, summary: "Edited.", reviewed: "2026-11-27" });
  });

  it("puts a changed first source before the others, and drops an alias the reader removed", () => {
    const after = edit({ source: "https://example.org/c", aliases: "" });
    expect(after.sources.map((source) => source.url)).toEqual([
      "https://example.org/c",
      "https://example.org/b",
    ]);
    expect(after.aliases).toEqual(["Harrow Weir"]);
  });
});
