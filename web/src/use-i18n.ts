/**
 * The React side of i18n.ts: the context carrying the UI language and the hook the screens use.
 */
import { createContext, useContext } from 'react';
import { makeI18n, type I18n } from './i18n.js';

/** The React context carrying the language. */
export const I18nContext = createContext<I18n>(makeI18n('zh', () => undefined));

/** The language of the UI and its translate function. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
