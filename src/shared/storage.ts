/** The browser edge for settings: storage.sync, read and written whole, watched through onChanged. */
import { extension } from "./extension";
import { differencesFromDefaults, SETTINGS_KEYS, type Settings, withDefaults } from "./settings";

const KEYS = SETTINGS_KEYS;

export async function loadSettings(): Promise<Settings> {
  return withDefaults(await extension.storage.sync.get(KEYS));
}

/** Saves a change; rejects (and stores nothing) when storage refuses it, e.g. a full sync quota. */
export async function saveSettings(change: Partial<Settings>): Promise<void> {
  const next = { ...(await loadSettings()), ...change };
  const stored = differencesFromDefaults(next);
  // Set before removing: a write refused for quota then leaves the stored settings exactly as they were.
  await extension.storage.sync.set(stored);
  await extension.storage.sync.remove(KEYS.filter((key) => !(key in stored)));
}

/** Calls back with the new settings whenever any of them changes, until the signal aborts. */
export function watchSettings(callback: (settings: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === "sync" && KEYS.some((key) => key in changes)) void loadSettings().then(callback);
  };
  extension.storage.onChanged.addListener(listener);
  signal.addEventListener("abort", () => extension.storage.onChanged.removeListener(listener), {
    once: true,
  });
}
