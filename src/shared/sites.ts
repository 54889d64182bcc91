/**
 * Site patterns for the block list and the "only on these sites" list. A pattern is a host name
 * ("bbc.co.uk"), which also covers its subdomains, or "*.host" for the subdomains alone. Readers
 * paste whole addresses too, so those are reduced to their host.
 */
import type { Settings } from "./settings";

/** The host a reader meant, lower-cased, or null when the text names no host. */
export function normalisePattern(text: string): string | null {
  let value = text.trim().toLowerCase();
  if (!value) return null;
  const wildcard = value.startsWith("*.");
  if (wildcard) value = value.slice(2);
  try {
    const host = new URL(value.includes("://") ? value : `https://${value}`).hostname.replace(/^www\./, "");
    if (!/^[a-z0-9.-]+$/.test(host) || host.startsWith(".") || host.endsWith(".") || !host) return null;
    return wildcard ? `*.${host}` : host;
  } catch {
    return null;
  }
}

export function matchesSite(pattern: string, hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./, "");
  if (pattern.startsWith("*.")) return host.endsWith(`.${pattern.slice(2)}`);
  return host === pattern || host.endsWith(`.${pattern}`);
}

/** Whether Backstory should run on a page of this host under these settings. */
export function siteAllowed(
  settings: Pick<Settings, "siteMode" | "blockedSites" | "onlySites">,
  hostname: string,
): boolean {
  if (settings.siteMode === "only")
    return settings.onlySites.some((pattern) => matchesSite(pattern, hostname));
  return !settings.blockedSites.some((pattern) => matchesSite(pattern, hostname));
}
