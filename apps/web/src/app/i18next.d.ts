import 'i18next';
import type vi from '../locales/vi.json';

/** The shared texts, and each module's own (`modules/<name>/locales/vi.json`), as `& typeof …`. */
type Texts = typeof vi &
  typeof import('../modules/library/locales/vi.json') &
  typeof import('../modules/surveys/locales/vi.json') &
  typeof import('../modules/notifications/locales/vi.json') &
  typeof import('../modules/communication/locales/vi.json') &
  typeof import('../modules/news/locales/vi.json') &
  typeof import('../modules/channels/locales/vi.json') &
  typeof import('../modules/info-reports/locales/vi.json') &
  typeof import('../modules/concerns/locales/vi.json') &
  typeof import('../modules/voice-figures/locales/vi.json');

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Texts };
    returnNull: false;
  }
}
