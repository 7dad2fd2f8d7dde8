import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import { RESOURCE_LABELS, type Lang } from '@mynapoint/domain';
import { appMessages } from './app';
import { raJapanese } from './ra-ja';
import { resourceMessages } from './resources';

// `resources.<name>.name|fields.*` come from the domain's labels (shared with the
// API's exports); each resource folder may add its own extra texts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function resources(lang: Lang): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [name, labels] of Object.entries(RESOURCE_LABELS)) {
    if (!labels) continue;
    out[name] = {
      name: `${labels.one[lang]} |||| ${labels.many[lang]}`,
      fields: Object.fromEntries(Object.entries(labels.fields).map(([f, l]) => [f, l[lang]])),
    };
  }
  for (const [name, extra] of Object.entries(resourceMessages)) {
    const current = out[name] ?? {};
    out[name] = { ...current, ...extra[lang] };
  }
  return out;
}

const messages = {
  ja: { ...raJapanese, ...appMessages.ja, resources: resources('ja') },
  en: { ...englishMessages, ...appMessages.en, resources: resources('en') },
};

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? messages.en : messages.ja), 'ja', [
  { locale: 'ja', name: '日本語' },
  { locale: 'en', name: 'English' },
], { allowMissing: true });
