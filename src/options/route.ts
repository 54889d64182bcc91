/**
 * The options page's address: "#sites" opens a section; "#entry=<id>" and "#search=<text>" open the
 * glossary browser at an entry or a search (the popover's "Open in glossary" and the context menu).
 */
export const SECTIONS = ["general", "sites", "categories", "glossary", "my-glossaries", "reset"] as const;
export type Section = (typeof SECTIONS)[number];

export interface Route {
  section: Section;
  entry?: string;
  search?: string;
}

export function parseRoute(hash: string): Route {
  const value = hash.replace(/^#/, "");
  const [key, ...rest] = value.split("=");
  const argument = safeDecode(rest.join("="));
  if (key === "entry" && argument) return { section: "glossary", entry: argument };
  if (key === "search") return { section: "glossary", search: argument };
  const section = SECTIONS.find((name) => name === value);
  return { section: section ?? "general" };
}

export function routeHash(route: Route): string {
  if (route.entry) return `#entry=${encodeURIComponent(route.entry)}`;
  if (route.search) return `#search=${encodeURIComponent(route.search)}`;
  return `#${route.section}`;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
