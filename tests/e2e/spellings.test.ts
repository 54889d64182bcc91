/**
 * Terms as pages really spell them: without their diacritics, with a decomposed dotted capital I, a
 * non-breaking hyphen, a curly possessive apostrophe, split by markup and a no-break space; and "is"
 * in lower case is never the case-sensitive acronym IS; "Obama" within "Michelle Obama" is not Barack. Matching folds text with the browser's own
 * Unicode tables, so this is checked in each browser, not only in Node.
 */
import { describe, expect, it } from "vitest";
import { BROWSERS, waitFor } from "./harness";
import { markedTexts, marksInContext } from "./probes";
import { useSession } from "./session";

const EXPECTED = [
  "President Erdogan",
  "I\u0307dlib",
  "Ankara",
  "S\u2011400",
  "Assad\u2019s forces",
  "Sochi\u00a0agreement",
  "Gazprom",
  "Obama",
  "Biden",
];

describe.each(BROWSERS)("%s: spellings", (name) => {
  const session = useSession(name);

  it("marks each term however the page spells it, and nothing else", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/spellings.html"));
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.length >= EXPECTED.length),
      "the page's marks",
    );
    expect((await tab.evaluate(markedTexts)).sort()).toEqual([...EXPECTED].sort());
    await tab.close();
  });

  it("marks a surname on its own, never within a name its entry lists as someone else's", async () => {
    const tab = await session.browser.newTab(session.server.url("/fixtures/spellings.html"));
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.length >= EXPECTED.length),
      "the page's marks",
    );
    const marks = await tab.evaluate(marksInContext);
    // Each mark with the 12 characters before it: the later, bare names, not those within others'.
    expect(marks.filter((mark) => /(Obama|Biden)$/.test(mark)).sort()).toEqual([
      "first; then Obama",
      "n Obama and Biden",
    ]);
    await tab.close();
  });

  it("sees a word an entry needs inside a longer name on the page", async () => {
    // The National Rally is marked only on a page naming Le Pen, Bardella, Macron or the
    // Rassemblement; here "Bardella" is there only within "Jordan Bardella", itself a word the
    // glossary looks for (Jordan the country is not marked on a page about him).
    const tab = await session.browser.newTab(session.server.url("/fixtures/context-inside.html"));
    await waitFor(
      () => tab.evaluate(markedTexts).then((marks) => marks.length >= 2),
      "the marks on Jordan Bardella and the National Rally",
    );
    expect((await tab.evaluate(markedTexts)).sort()).toEqual(["Jordan Bardella", "National Rally"]);
    await tab.close();
  });
});
