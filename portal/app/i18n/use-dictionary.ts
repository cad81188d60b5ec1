import { useRouteLoaderData } from '@remix-run/react';
import { dictionary, DEFAULT_LANG, type Dictionary, type Lang } from './index';

/** The language chosen by the root loader (Dutch when it has not run, e.g. in an error boundary). */
export function useLang(): Lang {
  const rootData = useRouteLoaderData<{ lang: Lang }>('root');
  return rootData?.lang ?? DEFAULT_LANG;
}

export function useDictionary(): Dictionary {
  return dictionary(useLang());
}
