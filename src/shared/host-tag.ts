/** The one element Backstory adds to a page, and only while an explainer is open. */
export const HOST_TAG = "backstory-explainer";
