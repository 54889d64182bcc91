/**
 * Every setting changes what an open page shows, at once and without a reload: the reader changes it
 * in the options page (or the explainer) and the article tab follows.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BROWSERS, settled, type Tab, waitFor } from "./harness";
import { clearSettings, clickInExplainer, clickOn, highlightNames, typeInto } from "./options-steps";
import { markedTexts, pointOnText } from "./probes";
import { useSession } from "./session";

describe.each(BROWSERS)("%s: settings apply to open tabs", (name) => {
  const session = useSession(name);
  let article: Tab;
  let options: Tab;
  let first: string[];

  beforeAll(async () => {
    article = await session.browser.newTab(session.server.url("/demo"));
    first = await settled(() => article.evaluate(markedTexts), "the first marks");
    options = await session.browser.newTab(session.browser.extensionUrl("src/options/index.html#general"));
    await waitFor(() => options.evaluate(() => document.querySelector("#app h2") !== null), "the options");
  });
  afterEach(async () => {
    await clearSettings(options);
    await article.bringToFront();
    // Marking starts from what is on screen, so after a scroll the same marks arrive in another order.
    const sorted = (marks: string[]) => JSON.stringify([...marks].sort());
    await waitFor(
      () => article.evaluate(markedTexts).then((marks) => sorted(marks) === sorted(first)),
      "the article marked as at first",
    );
  });

  /** Waits until the article's marks (read in the article, brought to the front) pass a check. */
  const articleMarks = async (check: (marks: string[]) => boolean, what: string) => {
    await article.bringToFront();
    return waitFor(() => article.evaluate(markedTexts).then((marks) => (check(marks) ? marks : null)), what);
  };
  const section = (label: string) => clickOn(options, "nav a", label);

  it("marks every occurrence when the reader asks for it", async () => {
    expect(first.filter((text) => text === "Idlib")).toHaveLength(1);
    await section("General");
    await clickOn(options, 'input[name="everyOccurrence"]');
    const every = await articleMarks((marks) => marks.filter((t) => t === "Idlib").length > 1, "every Idlib");
    expect(every.length).toBeGreaterThan(first.length);
    await clickOn(options, 'input[name="everyOccurrence"]');
    await articleMarks((marks) => marks.filter((t) => t === "Idlib").length === 1, "the first Idlib only");
  });

  it("draws marks in the chosen style, and with none shows a term only under the pointer", async () => {
    expect(await article.evaluate(highlightNames)).toEqual(["backstory"]);
    await section("General");
    await clickOn(options, "label.choice", "Solid underline");
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(highlightNames).then((names) => names.join() === "backstory-solid"),
      "solid underlines",
    );
    // The new style's highlight comes first and the marks follow, the screen's before the rest.
    expect(await settled(() => article.evaluate(markedTexts), "the marks redrawn")).toEqual(first);
    await clickOn(options, "label.choice", "Background tint");
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(highlightNames).then((n) => n.join() === "backstory-tint"),
      "a tint",
    );
    await clickOn(options, "label.choice", "Nothing until hover");
    await article.bringToFront();
    await waitFor(
      () => article.evaluate(highlightNames).then((n) => n.join() === "backstory-none"),
      "no mark",
    );
    await settled(() => article.evaluate(markedTexts), "the unseen marks");
    const point = await waitFor(() => article.evaluate(pointOnText, "Idlib"), "Idlib on the page");
    await article.mouseMove(point.x, point.y, 4);
    const view = await waitFor(() => article.explainer(), "the explainer for an unmarked-looking term");
    expect(view.title).toBe("Idlib");
    expect(await article.evaluate(highlightNames)).toEqual(["backstory-active", "backstory-none"]);
    await article.mouseMove(2, 2);
  });

  it("reads the whole page or only the article", async () => {
    const page = await session.browser.newTab(session.server.url("/fixtures/sidebar.html"));
    const marks = await settled(() => page.evaluate(markedTexts), "the sidebar page's marks");
    expect(marks).toContain("Idlib");
    expect(marks).not.toContain("NATO");
    await section("General");
    await clickOn(options, "label.choice", "The whole page");
    await page.bringToFront();
    await waitFor(() => page.evaluate(markedTexts).then((m) => m.includes("NATO")), "NATO in the sidebar");
    await clickOn(options, "label.choice", "The article only");
    await page.bringToFront();
    await waitFor(
      () => page.evaluate(markedTexts).then((m) => !m.includes("NATO")),
      "the article only again",
    );
    await page.close();
  });

  it("stays off on a blocked site, and in only-these-sites mode runs on listed sites alone", async () => {
    await section("Sites");
    await typeInto(options, "#site-pattern", "http://127.0.0.1:8080/some/page");
    await clickOn(options, "button", "Add site");
    await waitFor(
      () => options.evaluate(() => document.querySelector(".pattern")?.textContent),
      "the pattern",
    );
    expect(await options.evaluate(() => document.querySelector(".pattern")?.textContent)).toBe("127.0.0.1");
    await articleMarks((marks) => marks.length === 0, "no marks on the blocked site");
    await clickOn(options, "button", "Remove");
    await articleMarks((marks) => marks.length === first.length, "the marks back");

    await clickOn(options, "label.choice", "Only on the sites I list");
    await articleMarks((marks) => marks.length === 0, "no marks where no site is listed");
    await typeInto(options, "#site-pattern", "127.0.0.1");
    await clickOn(options, "button", "Add site");
    await articleMarks((marks) => marks.length === first.length, "marks on the listed site");
  });

  it("leaves out the categories the reader unticks", async () => {
    expect(first).toEqual(expect.arrayContaining(["Idlib", "S-400"]));
    await section("Categories");
    await clickOn(options, "label.choice", "Place");
    const marks = await articleMarks((m) => !m.includes("Idlib") && m.length > 0, "no places marked");
    expect(marks).toContain("S-400");
    expect(marks).not.toContain("Ankara");
    // The popup's list (the keyboard route) agrees with what is marked.
    const popup = await session.browser.newTab(session.browser.extensionUrl("src/popup/index.html"));
    const listed = await waitFor(
      () =>
        popup.evaluate(() => {
          const titles = [...document.querySelectorAll(".term span:first-child")].map((el) => el.textContent);
          return titles.length > 0 ? titles : null;
        }),
      "the popup's terms",
    );
    expect(listed).toContain("S-400 Triumf");
    expect(listed).not.toContain("Idlib");
    expect(listed).not.toContain("Ankara");
    await popup.close();
    await clickOn(options, "label.choice", "Place");
    await articleMarks((m) => m.includes("Idlib"), "places marked again");
  });

  it("waits the chosen delay before an explainer opens", async () => {
    await section("General");
    await clickOn(options, "#dwellMs");
    await options.press("End");
    await waitFor(() => options.evaluate(() => document.querySelector("output")?.textContent), "the delay");
    await waitFor(
      () => options.evaluate(() => document.querySelector("output")?.textContent === "1000 ms"),
      "a delay of 1000 ms",
    );
    await article.bringToFront();
    await new Promise((done) => setTimeout(done, 300)); // the content script takes the new settings
    const point = await waitFor(() => article.evaluate(pointOnText, "S-400"), "S-400 on the page");
    await article.mouseMove(point.x, point.y, 4);
    const started = Date.now();
    await waitFor(() => article.explainer(), "the explainer after the longer delay");
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    await article.mouseMove(2, 2);
  });

  it("stops marking a term hidden with the explainer's \"Don't mark this again\"", async () => {
    await article.bringToFront();
    const point = await waitFor(() => article.evaluate(pointOnText, "S-400"), "S-400 on the page");
    await article.mouseMove(point.x, point.y, 4);
    const view = await waitFor(() => article.explainer(), "the S-400 explainer");
    await clickInExplainer(article, view, "Don't mark this again");
    await articleMarks((marks) => !marks.includes("S-400") && marks.length > 0, "S-400 no longer marked");

    await section("Glossary browser");
    await clickOn(options, ".hidden-list button", "Mark again");
    await articleMarks((marks) => marks.includes("S-400"), "S-400 marked again");
  });
});
