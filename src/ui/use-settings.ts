/** Settings as Preact state: loaded once, kept in step with storage, saved on change. */
import { useEffect, useState } from "preact/hooks";
import type { Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/storage";

/**
 * The settings (null until loaded) and a save that rejects when storage refuses the change; the state
 * is then read back from storage, so every control shows what is really kept.
 */
export function useSettings(): [Settings | null, (change: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void loadSettings().then(setSettings);
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  const save = async (change: Partial<Settings>) => {
    try {
      await saveSettings(change);
    } catch (error) {
      setSettings(await loadSettings());
      throw error;
    }
  };
  return [settings, save];
}
