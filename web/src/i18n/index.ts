// The language switch: Vietnamese by default, English on request, remembered on
// the device. `useI18n()` re-renders a component when the language changes.
import { useEffect, useState } from 'preact/hooks';
import { type Catalogue, type Lang, vi } from './catalogue';
import { en } from './en';

export type { Catalogue, Lang } from './catalogue';

const KEY = 'od.lang';
const catalogues: Record<Lang, Catalogue> = { vi, en };

const stored = (): Lang => {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
};

let current: Lang = typeof localStorage === 'undefined' ? 'vi' : stored();
const listeners = new Set<(lang: Lang) => void>();

export const getLang = (): Lang => current;
export const strings = (lang: Lang = current): Catalogue => catalogues[lang];

export const setLang = (lang: Lang): void => {
  current = lang;
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    // Private mode: the switch still holds for this page.
  }
  document.documentElement.lang = lang;
  for (const l of listeners) l(lang);
};

export const useI18n = (): { t: Catalogue; lang: Lang } => {
  const [lang, set] = useState(current);
  useEffect(() => {
    listeners.add(set);
    return () => listeners.delete(set);
  }, []);
  return { t: catalogues[lang], lang };
};
