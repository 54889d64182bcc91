/**
 * The seed article (../shared/seed/article.txt, laid out as the demo page) is the page Backstory was
 * conceived for: every term in it that a reader may not know must be marked. Issue 5 lists them.
 */
import { describe, expect, it } from "vitest";
import { scanHtml } from "../../scripts/scan";
import { demoPageHtml } from "../../tests/support/demo-page";

/** Each id, with the words of the article it must be found by. */
const MUST_MARK: Record<string, string> = {
  idlib: "Idlib",
  "sochi-agreement": "agreement in Sochi",
  "s-400": "S-400 deal",
  "assad-government": "Assad regime, regime forces",
  ankara: "Ankara",
  moscow: "Moscow",
  damascus: "Damascus",
  "syrian-civil-war": "Syrian civil war",
  "de-escalation-zones": "de-confliction zone",
  "turkish-observation-posts-idlib": "Ankara's observation posts in Idlib",
  turkstream: "Black Sea natural gas pipeline",
  "trt-world": "TRT World",
  "vladimir-putin": "President Vladimir Putin",
  "russian-constitutional-amendments-2020": "amendments to the constitution",
  "recep-tayyip-erdogan": "Recep Tayyip Erdogan",
  "soviet-union": "Soviet Union, the Soviets",
  "sanctions-on-russia": "sanctions from the US",
  "syrian-opposition": "opposition forces",
  afghanistan: "defeat in Afghanistan",
  "turkish-armed-forces": "Turkish soldiers, the Turkish army",
};

describe("the seed article", () => {
  const found = scanHtml(demoPageHtml());
  const ids = found.map((mark) => mark.id);

  it("marks every term issue 5 lists that the article uses", () => {
    const missing = Object.entries(MUST_MARK)
      .filter(([id]) => !ids.includes(id))
      .map(([id, words]) => `${id} (for "${words}")`);
    expect(missing, "The demo page no longer marks these entries").toEqual([]);
  });

  it("marks the Assad government wherever the article names it", () => {
    const assad = found.find((mark) => mark.id === "assad-government");
    expect(assad?.count).toBeGreaterThanOrEqual(3);
  });
});
