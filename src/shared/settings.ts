/**
 * Reader settings: the defaults, the type derived from them, and nothing else. Only values that
 * differ from the defaults are stored, so a changed default reaches every reader who never touched it.
 */
export const DEFAULT_SETTINGS = {
  /** The global switch. */
  enabled: true,
  /** Mark every occurrence of a term, not only the first. */
  everyOccurrence: false,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Stored values over defaults; unknown or mistyped keys are ignored. */
export function withDefaults(stored: Record<string, unknown>): Settings {
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = stored[key];
    if (typeof value === typeof DEFAULT_SETTINGS[key]) (settings as Record<string, unknown>)[key] = value;
  }
  return settings;
}

/** What to store: only the keys whose value differs from the default. */
export function differencesFromDefaults(settings: Settings): Partial<Settings> {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (settings[key] !== DEFAULT_SETTINGS[key]) changed[key] = settings[key];
  }
  return changed as Partial<Settings>;
}
