// Messages of the feature areas added after the shell (checker, quotes, workflow, changes, media), each in
// its own pair of files under src/renderer/i18n/<area>.{ar,en}.json and reached as `t('<area>.key')`.
// One line per area here keeps the areas' message files apart.
type Messages = Record<string, unknown>;

export const FEATURE_MESSAGES: { ar: Record<string, Messages>; en: Record<string, Messages> } = {
  ar: {},
  en: {},
};
