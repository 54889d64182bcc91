// @vitest-environment happy-dom
/**
 * The locator maps, as the build draws them: every entry with coordinates gets one that renders, and
 * its coordinates lie in the country the entry says (a wrong sign or a swapped lat/lon shows up here).
 */
import { geoContains, geoDistance } from "d3-geo";
import { beforeAll, describe, expect, it } from "vitest";
import { buildMaps } from "../../scripts/build-maps";
import { type Atlas, loadAtlas, type Point } from "../../scripts/map-atlas";
import { parseMap } from "../popover/LocatorMap";
import { checkGlossary } from "./checks";
import { commonEnglishWords, readGlossaryFiles, todayIso } from "./load-files";

const { entries } = checkGlossary(readGlossaryFiles(), commonEnglishWords(), todayIso());
const located = entries.flatMap((e) => (e.coordinates ? [{ ...e, coordinates: e.coordinates }] : []));

/**
 * The Natural Earth country each entry lies in, for entries without a "Country" fact. Several names:
 * the place straddles a line Natural Earth draws by control (Golan, Jerusalem, Kashmir). null: open
 * water, or islets too small for the 1:50m atlas (Senkaku), where the point must be in no country.
 */
const EXPECTED: Record<string, string | string[] | null> = {
  afghanistan: "Afghanistan",
  armenia: "Armenia",
  azerbaijan: "Azerbaijan",
  bangladesh: "Bangladesh",
  belarus: "Belarus",
  "burkina-faso": "Burkina Faso",
  china: "China",
  cuba: "Cuba",
  "democratic-republic-of-the-congo": "Dem. Rep. Congo",
  egypt: "Egypt",
  eritrea: "Eritrea",
  ethiopia: "Ethiopia",
  georgia: "Georgia",
  "hong-kong": "Hong Kong",
  india: "India",
  iran: "Iran",
  iraq: "Iraq",
  israel: "Israel",
  japan: "Japan",
  jordan: "Jordan",
  lebanon: "Lebanon",
  libya: "Libya",
  mali: "Mali",
  moldova: "Moldova",
  myanmar: "Myanmar",
  niger: "Niger",
  "north-korea": "North Korea",
  pakistan: "Pakistan",
  philippines: "Philippines",
  qatar: "Qatar",
  russia: "Russia",
  "saudi-arabia": "Saudi Arabia",
  somalia: "Somalia",
  somaliland: "Somaliland",
  "south-korea": "South Korea",
  "south-sudan": "S. Sudan",
  "sri-lanka": "Sri Lanka",
  sudan: "Sudan",
  syria: "Syria",
  taiwan: "Taiwan",
  tunisia: "Tunisia",
  turkey: "Turkey",
  ukraine: "Ukraine",
  venezuela: "Venezuela",
  zimbabwe: "Zimbabwe",
  "west-bank": "West Bank",
  "gaza-strip": "Gaza Strip",
  rafah: "Gaza Strip",
  "khan-younis": "Gaza Strip",
  "baltic-states": ["Estonia", "Latvia", "Lithuania"],
  sahel: ["Mali", "Burkina Faso", "Niger"],
  bakhmut: "Ukraine",
  crimea: "Ukraine",
  donbas: "Ukraine",
  mariupol: "Ukraine",
  "zaporizhzhia-nuclear-power-plant": "Ukraine",
  transnistria: "Moldova",
  "nagorno-karabakh": "Azerbaijan",
  "kursk-incursion": "Russia",
  fsb: "Russia",
  kremlin: "Russia",
  "soviet-union": "Russia",
  turkstream: "Turkey",
  "hmeimim-air-base": "Syria",
  "m4-highway": "Syria",
  "turkish-observation-posts-idlib": "Syria",
  "grand-ethiopian-renaissance-dam": "Ethiopia",
  "haiti-gang-crisis": "Haiti",
  tibet: "China",
  xinjiang: "China",
  "kurdistan-region": "Iraq",
  "beirut-port-explosion": "Lebanon",
  pentagon: "United States of America",
  "us-congress": "United States of America",
  "us-state-department": "United States of America",
  "white-house": "United States of America",
  kashmir: ["India", "Pakistan"],
  "line-of-control": ["India", "Pakistan"],
  "golan-heights": ["Israel", "Syria"],
  jerusalem: ["Israel", "West Bank"],
  // At 1:50m Natural Earth draws the Vatican about a kilometre west of where it is: its centre falls in Rome.
  "vatican-city": "Italy",
  "senkaku-islands": null,
  "south-china-sea": null,
  "strait-of-hormuz": null,
  "taiwan-strait": null,
  "nord-stream": null,
};
/** On the shore: at 1:50m the coastline runs a few km off, so the point may sit just out to sea. */
const COASTAL = new Set(["beirut-port-explosion"]);

/** "Turkey (Türkiye)" → ["Turkey"]; the table above where the entry has no such fact. */
function expectedCountries(entry: (typeof located)[number]): string[] | null | undefined {
  const fact = entry.facts?.find((f) => f.label === "Country")?.value;
  if (fact) return [fact.replace(/\s*\(.*\)$/, "")];
  const expected = EXPECTED[entry.id];
  return expected === undefined || expected === null ? expected : [expected].flat();
}

let maps: Record<string, string>;
let atlas: Atlas;
beforeAll(() => {
  maps = buildMaps(entries);
  atlas = loadAtlas();
}, 300_000); // drawing the maps takes a few seconds of CPU; a busy CI machine may take longer

describe("locator maps", () => {
  // Raised from 300 kB for China, India and Hong Kong, and from 320 kB for the cities, sites and
  // territories of session 14 (Kharkiv to Greenland): the maps travel only to the background and the
  // options page, never into a page.
  it("come to at most 400 kB together", () => {
    expect(Object.keys(maps).sort()).toEqual(located.map((e) => e.id).sort());
    expect(new TextEncoder().encode(JSON.stringify(maps)).length).toBeLessThanOrEqual(400 * 1024);
  });

  it.each(located.map((e) => [e.id, e.title]))(
    "%s: valid SVG with land, a title and its marker in view",
    (id, title) => {
      const svg = parseMap(maps[id] ?? "");
      expect(svg, "markup the popover accepts").not.toBeNull();
      const [, , width, height] = (svg?.getAttribute("viewBox") ?? "").split(" ").map(Number);
      expect(svg?.querySelector("title")?.textContent).toMatch(
        new RegExp(`^Map: ${title.replace(/[()]/g, "\\$&")}, `),
      );
      // Land (just the frame when the view is all land) and outlines: coasts, borders or the shading.
      const d = (selector: string) => svg?.querySelector(selector)?.getAttribute("d") ?? "";
      expect(d("path.land")).toMatch(/^M.+z$/);
      expect(d("path.land").length + d("path.borders").length + d("path.shade").length).toBeGreaterThan(100);
      expect(svg?.querySelectorAll("text").length).toBeGreaterThan(0);
      const marker = svg?.querySelector("circle.marker");
      const [x, y] = [Number(marker?.getAttribute("cx")), Number(marker?.getAttribute("cy"))];
      expect(x).toBeGreaterThan(4);
      expect(x).toBeLessThan((width ?? 0) - 4);
      expect(y).toBeGreaterThan(4);
      expect(y).toBeLessThan((height ?? 0) - 4);
    },
  );

  it.each(located.map((e) => [e.id, e]))("%s: its coordinates lie in its country", (id, entry) => {
    const expected = expectedCountries(entry);
    expect(expected, `add ${id} to EXPECTED in maps.test.ts`).not.toBeUndefined();
    const point: Point = [entry.coordinates.lon, entry.coordinates.lat];
    const containing = atlas.countries.filter((c) => geoContains(c.feature, point)).map((c) => c.name);
    if (expected === null || expected === undefined) return expect(containing).toEqual([]);
    if (COASTAL.has(id) && containing.length === 0) {
      const country = atlas.countries.find((c) => c.name === expected[0]);
      const vertices = country?.parts.flatMap((p) => p.geometry.coordinates.flat()) ?? [];
      const km = Math.min(...vertices.map((v) => geoDistance(point, v as Point))) * 6371;
      return expect(km).toBeLessThan(15);
    }
    expect(expected).toContain(containing[0]);
  });
});
