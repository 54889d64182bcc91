/** Settings as Preact state: loaded once, kept in step with storage, saved on change. */
import { useEffect, useState } from "preact/hooks";
import type { Settings } from "../shared/settings";
import { loadSettings, saveSettings, watchSettings } from "../shared/storage";

export function useSettings(): [Settings | null, (change: Partial<Settings>) => Promise<void>] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    void loadSettings().then(setSettings);
    watchSettings(setSettings, controller.signal);
    return () => controller.abort();
  }, []);
  return [settings, saveSettings];
}
