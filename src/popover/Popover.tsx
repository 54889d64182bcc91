/** The explainer card: a labelled, non-modal dialog showing one glossary entry. */
import type { Entry } from "../glossary/schema";
import { t } from "../shared/i18n";

export interface PopoverProps {
  entry: Entry;
  onClose: () => void;
}

export function Popover({ entry, onClose }: PopoverProps) {
  return (
    <div class="card" role="dialog" aria-labelledby="backstory-title" lang="en">
      <div class="header">
        <div style={{ flex: 1 }}>
          <h2 class="title" id="backstory-title">
            {entry.title}
          </h2>
          <span class="category">{t(`category_${entry.category.replace("-", "_")}`)}</span>
        </div>
        <button type="button" class="close" aria-label={t("popoverClose")} onClick={onClose}>
          ×
        </button>
      </div>
      <p class="summary">{entry.summary}</p>
      {entry.facts && entry.facts.length > 0 && (
        <dl class="facts">
          {entry.facts.map((fact) => [
            <dt key={`${fact.label}-t`}>{fact.label}</dt>,
            <dd key={fact.label}>{fact.value}</dd>,
          ])}
        </dl>
      )}
      <div class="footer">
        {t("popoverSource")}{" "}
        {entry.sources.map((source, i) => [
          i > 0 ? ", " : "",
          <a key={source.url} href={source.url} target="_blank" rel="noopener noreferrer">
            {source.title}
          </a>,
        ])}
      </div>
    </div>
  );
}
