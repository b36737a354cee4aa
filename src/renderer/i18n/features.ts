// Messages of the feature areas added after the shell (checker, quotes, workflow, changes, media), each in
// its own pair of files under src/renderer/i18n/<area>.{ar,en}.json and reached as `t('<area>.key')`.
// One line per area here keeps the areas' message files apart.
import changesAr from './changes.ar.json';
import changesEn from './changes.en.json';
import workflowAr from './workflow.ar.json';
import workflowEn from './workflow.en.json';
import mediaAr from './media.ar.json';
import mediaEn from './media.en.json';
import tagsAr from './tags.ar.json';
import tagsEn from './tags.en.json';
import factcheckAr from './factcheck.ar.json';
import factcheckEn from './factcheck.en.json';
import suggestionsAr from './suggestions.ar.json';
import suggestionsEn from './suggestions.en.json';
import checkerAr from './checker.ar.json';
import checkerEn from './checker.en.json';

type Messages = Record<string, unknown>;

export const FEATURE_MESSAGES: {
  ar: Record<string, Messages>;
  en: Record<string, Messages>;
} = {
  ar: {
    workflow: workflowAr,
    changes: changesAr,
    media: mediaAr,
    tags: tagsAr,
    factcheck: factcheckAr,
    checker: checkerAr,
  },
  en: {
    workflow: workflowEn,
    changes: changesEn,
    media: mediaEn,
    tags: tagsEn,
    factcheck: factcheckEn,
    checker: checkerEn,
  },
};

// Suggestion mode (tracked changes).
Object.assign(FEATURE_MESSAGES.ar, { suggestions: suggestionsAr });
Object.assign(FEATURE_MESSAGES.en, { suggestions: suggestionsEn });
