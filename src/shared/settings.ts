/**
 * Reader settings: the defaults, the type derived from them, and the migrations from older stored
 * shapes. Only values that differ from the defaults are stored, so a changed default reaches every
 * reader who never touched it.
 */
import { isCategory } from "../glossary/categories";

export const MARKING_STYLES = ["dotted", "solid", "tint", "none"] as const;
export const MODIFIER_KEYS = ["none", "Alt", "Control", "Shift"] as const;
export const THEMES = ["system", "light", "dark"] as const;
export const SITE_MODES = ["everywhere", "only"] as const;

export const DEFAULT_SETTINGS = {
  /** The global switch. */
  enabled: true,
  /** How marks look; "none" draws nothing until the pointer rests on a term. */
  markingStyle: "dotted" as (typeof MARKING_STYLES)[number],
  /** Mark every occurrence of a term, not only the first. */
  everyOccurrence: false,
  /** How long the pointer rests on a term before its explainer opens. */
  dwellMs: 150,
  /** Open explainers on hover only while this key is held. */
  modifierKey: "none" as (typeof MODIFIER_KEYS)[number],
  theme: "system" as (typeof THEMES)[number],
  /** Mark only the article body where the page has one, not menus, sidebars and footers. */
  articleOnly: true,
  /** "everywhere" except blockedSites, or "only" on onlySites. */
  siteMode: "everywhere" as (typeof SITE_MODES)[number],
  blockedSites: [] as string[],
  onlySites: [] as string[],
  /** Categories the reader chose not to mark. */
  hiddenCategories: [] as string[],
  /** Entries the reader chose not to mark ("don't mark again", or switched off in the glossary). */
  hiddenEntries: [] as string[],
};

export type Settings = typeof DEFAULT_SETTINGS;

/** The shape of stored settings this code writes; older shapes are migrated up to it on load. */
export const SETTINGS_VERSION = 2;
const VERSION_KEY = "settingsVersion";

/** Each step turns stored version N (the index + 1) into N + 1. Never edit a step once released. */
const MIGRATIONS: ((stored: Record<string, unknown>) => Record<string, unknown>)[] = [
  // 1 → 2 (0.1.0 → 0.2.0): nothing renamed; the version is recorded from now on.
  (stored) => stored,
];

/** Stored values (of any version) over defaults; unknown, mistyped or out-of-range values are ignored. */
export function withDefaults(stored: Record<string, unknown>): Settings {
  const migrated = migrate(stored);
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const value = migrated[key];
    if (isValid(key, value)) (settings as Record<string, unknown>)[key] = value;
  }
  return settings;
}

/** What to store: the version, and only the keys whose value differs from the default. */
export function differencesFromDefaults(settings: Settings): Partial<Settings> & { settingsVersion: number } {
  const changed: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULT_SETTINGS[key])) changed[key] = settings[key];
  }
  return { ...(changed as Partial<Settings>), [VERSION_KEY]: SETTINGS_VERSION };
}

/** Every key settings may be stored under, for reading and clearing storage. */
export const SETTINGS_KEYS = [...Object.keys(DEFAULT_SETTINGS), VERSION_KEY];

function migrate(stored: Record<string, unknown>): Record<string, unknown> {
  const from = typeof stored[VERSION_KEY] === "number" ? (stored[VERSION_KEY] as number) : 1;
  let result = stored;
  for (let version = from; version < SETTINGS_VERSION; version++)
    result = MIGRATIONS[version - 1]?.(result) ?? result;
  return result;
}

const CHOICES: Partial<Record<keyof Settings, readonly string[]>> = {
  markingStyle: MARKING_STYLES,
  modifierKey: MODIFIER_KEYS,
  theme: THEMES,
  siteMode: SITE_MODES,
};

function isValid(key: keyof Settings, value: unknown): boolean {
  const fallback = DEFAULT_SETTINGS[key];
  if (Array.isArray(fallback)) {
    const list = Array.isArray(value) && value.every((item) => typeof item === "string");
    return list && (key !== "hiddenCategories" || value.every(isCategory));
  }
  if (typeof value !== typeof fallback) return false;
  if (key === "dwellMs")
    return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 2000;
  const choices = CHOICES[key];
  return !choices || choices.includes(value as string);
}
