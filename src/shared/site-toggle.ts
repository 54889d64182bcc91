/** The one-click "off / on for this site" of the popup and the toggle-site command, as a settings change. */
import type { Settings } from "./settings";
import { matchesSite, normalisePattern, siteAllowed } from "./sites";

type SiteSettings = Pick<Settings, "siteMode" | "blockedSites" | "onlySites">;

/**
 * Turns Backstory off on a host where it runs (blocks the host, or drops it from the "only" list)
 * and on where it does not (drops every pattern that blocks it, or adds the host to the "only" list).
 * Null when the host cannot be a pattern (a browser page, a file).
 */
export function toggleSite(settings: SiteSettings, hostname: string): Partial<SiteSettings> | null {
  const pattern = normalisePattern(hostname);
  if (!pattern) return null;
  const allowed = siteAllowed(settings, hostname);
  const without = (list: string[]) => list.filter((item) => !matchesSite(item, hostname));
  if (settings.siteMode === "only")
    return { onlySites: allowed ? without(settings.onlySites) : [...settings.onlySites, pattern] };
  return { blockedSites: allowed ? [...settings.blockedSites, pattern] : without(settings.blockedSites) };
}
