import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import vi from '../locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'lanToa.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

/**
 * A module may keep its texts beside it in `modules/<name>/locales/{vi,en}.json`, under a top-level
 * key of its own (e.g. `"library": {…}`), merged here; its vi file is added to the key types in
 * i18next.d.ts. Keeps modules from editing one shared file at once.
 */
const moduleTexts = import.meta.glob<{ default: Record<string, unknown> }>('../modules/*/locales/*.json', {
  eager: true,
});
function withModules(base: Record<string, unknown>, language: Language): Record<string, unknown> {
  const merged = { ...base };
  for (const [path, file] of Object.entries(moduleTexts)) {
    if (path.endsWith(`/${language}.json`)) Object.assign(merged, file.default);
  }
  return merged;
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: withModules(vi, 'vi') }, en: { translation: withModules(en, 'en') } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export function changeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}
