import { Form, Link, useLocation } from '@remix-run/react';
import { useDictionary, useLang } from '../i18n/use-dictionary';

interface Props {
  user: { displayName: string; email: string } | null;
}

export function SiteHeader({ user }: Props) {
  const t = useDictionary();
  const lang = useLang();
  const location = useLocation();
  const other = lang === 'nl' ? 'en' : 'nl';
  const switchParams = new URLSearchParams(location.search);
  switchParams.set('lang', other);

  return (
    <header className="site-header">
      <a className="skip-link" href="#inhoud">
        {t.common.skipToContent}
      </a>
      <div className="site-header__bar">
        <div className="container site-header__inner">
          <Link to={user ? '/zoeken' : '/login'} className="logo">
            <span className="logo__ribbon" aria-hidden="true" />
            <span className="logo__text">
              <span className="logo__name">{t.common.appName}</span>
              <span className="logo__tagline">{t.common.tagline}</span>
            </span>
          </Link>
          <div className="site-header__tools">
            <a
              className="lang-switch"
              href={`${location.pathname}?${switchParams.toString()}`}
              hrefLang={other}
              lang={other}
              aria-label={t.common.otherLanguageLabel}
            >
              {t.common.otherLanguage}
            </a>
            {user && (
              <>
                <span className="user">
                  <span className="visually-hidden">{t.common.loggedInAs} </span>
                  <span title={user.email}>{user.displayName}</span>
                </span>
                <Form method="post" action="/logout" className="logout-form">
                  <button type="submit" className="button button--on-dark">
                    {t.common.logout}
                  </button>
                </Form>
              </>
            )}
          </div>
        </div>
      </div>
      {user && (
        <nav className="site-nav" aria-label={t.common.mainNav}>
          <div className="container">
            <ul>
              <li>
                <Link to="/zoeken" aria-current={location.pathname === '/zoeken' ? 'page' : undefined}>
                  {t.common.navSearch}
                </Link>
              </li>
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}
