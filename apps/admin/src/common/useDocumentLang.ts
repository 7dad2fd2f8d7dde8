import { useEffect } from 'react';
import { useLocaleState } from 'react-admin';

// The page's language follows the one chosen (WCAG 3.1.1): screen readers pick their
// voice and browsers their fonts and hyphenation from <html lang>. Called by every
// top-level screen (the layout, the login page, the pages outside the layout).
export function useDocumentLang(): void {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'ja';
  }, [locale]);
}
