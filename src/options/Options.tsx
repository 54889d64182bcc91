/**
 * The options page: a left-hand list of sections and the one chosen, kept in the address so a link
 * (and the popover's "Open in glossary") can open any of them. Every change saves at once.
 */
import { useEffect, useState } from "preact/hooks";
import { t } from "../shared/i18n";
import type { Settings } from "../shared/settings";
import { saveErrorKey } from "../ui/save-error";
import { useSettings } from "../ui/use-settings";
import { CategoriesSection } from "./CategoriesSection";
import { GeneralSection } from "./GeneralSection";
import { GlossarySection } from "./GlossarySection";
import { MyGlossaries } from "./MyGlossaries";
import { ResetSection } from "./ResetSection";
import { parseRoute, type Route, routeHash, SECTIONS, type Section } from "./route";
import { SitesSection } from "./SitesSection";

/** What each section gets: the settings and a save that reports its own failure. */
export interface SectionProps {
  settings: Settings;
  save: (change: Partial<Settings>) => Promise<boolean>;
}

const SECTION_LABEL: Record<Section, string> = {
  general: "optionsGeneral",
  sites: "optionsSites",
  categories: "optionsCategories",
  glossary: "optionsGlossary",
  "my-glossaries": "optionsMyGlossaries",
  reset: "optionsReset",
};

function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  const go = (next: Route) => {
    history.replaceState(null, "", routeHash(next));
    setRoute(next);
  };
  return [route, go];
}

export function Options() {
  const [settings, store] = useSettings();
  const [route, go] = useRoute();
  const [error, setError] = useState<string | null>(null);
  if (!settings) return null;

  const save = async (change: Partial<Settings>): Promise<boolean> => {
    try {
      await store(change);
      setError(null);
      return true;
    } catch (failure) {
      const { key, detail } = saveErrorKey(failure);
      setError(t(key, detail));
      return false;
    }
  };
  const props: SectionProps = { settings, save };

  return (
    <div class="layout">
      <header class="masthead">
        <img src="/icons/icon-48.png" alt="" width="32" height="32" />
        <h1>{t("optionsTitle")}</h1>
      </header>
      <nav class="sections" aria-label={t("optionsSectionsLabel")}>
        <ul>
          {SECTIONS.map((section) => (
            <li key={section}>
              <a
                href={`#${section}`}
                aria-current={route.section === section ? "page" : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  go({ section });
                }}
              >
                {t(SECTION_LABEL[section])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="content" aria-labelledby="section-heading">
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <h2 id="section-heading">{t(SECTION_LABEL[route.section])}</h2>
        {route.section === "general" && <GeneralSection {...props} />}
        {route.section === "sites" && <SitesSection {...props} />}
        {route.section === "categories" && <CategoriesSection {...props} />}
        {route.section === "glossary" && <GlossarySection {...props} route={route} />}
        {route.section === "my-glossaries" && <MyGlossaries />}
        {route.section === "reset" && <ResetSection {...props} />}
      </main>
    </div>
  );
}
