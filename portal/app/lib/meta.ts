import { dictionary, isLang, type Dictionary } from '../i18n';

interface MatchLike {
  id: string;
  data: unknown;
}

/** A page title in the language the root loader chose; meta functions cannot use hooks. */
export function pageTitle(
  matches: readonly MatchLike[],
  pick: (d: Dictionary) => string,
): { title: string }[] {
  const rootData = matches.find((m) => m.id === 'root')?.data as { lang?: unknown } | undefined;
  const d = dictionary(isLang(rootData?.lang) ? rootData.lang : 'nl');
  return [{ title: `${pick(d)} · ${d.common.appName}` }];
}
