/** Categories to mark: a reader who knows every country may keep only people and agreements. */
import { CATEGORY_LIST } from "../glossary/categories";
import { categoryName, t } from "../shared/i18n";
import type { SectionProps } from "./Options";

export function CategoriesSection({ settings, save }: SectionProps) {
  const hidden = new Set(settings.hiddenCategories);
  return (
    <fieldset>
      <legend>{t("optionsCategoriesLegend")}</legend>
      <div class="categories">
        {CATEGORY_LIST.map((category) => (
          <label key={category} class="choice">
            <input
              type="checkbox"
              name="category"
              value={category}
              checked={!hidden.has(category)}
              onChange={(event) => {
                const next = new Set(hidden);
                if (event.currentTarget.checked) next.delete(category);
                else next.add(category);
                void save({ hiddenCategories: CATEGORY_LIST.filter((name) => next.has(name)) });
              }}
            />
            {categoryName(category)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
