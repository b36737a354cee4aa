// The interface language: i18next with the Arabic and English messages bundled, and the document's
// dir/lang kept in step with the language (the article text itself stays Arabic and right-to-left).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import ar from './ar.json';
import en from './en.json';
import { FEATURE_MESSAGES } from './features';

export type UiLanguage = 'ar' | 'en';

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    ar: { translation: { ...ar, ...FEATURE_MESSAGES.ar } },
    en: { translation: { ...en, ...FEATURE_MESSAGES.en } },
  },
  lng: 'ar',
  fallbackLng: 'ar',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function applyLanguage(lang: UiLanguage): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

/** Dates as the desk reads them: Gregorian calendar and Western digits, as in the copy itself. */
export function formatDateTime(iso: string, lang: UiLanguage): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = lang === 'ar' ? 'ar-u-ca-gregory-nu-latn' : 'en-GB';
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(d);
}
