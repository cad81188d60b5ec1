import { data, type LinksFunction, type LoaderFunctionArgs } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import type { ReactNode } from 'react';
import { ErrorPage } from './components/ErrorPage';
import { SiteHeader } from './components/SiteHeader';
import { useDictionary, useLang } from './i18n/use-dictionary';
import { langFromRequest } from './i18n/lang.server';
import { getSession, readAuth } from './session.server';
import stylesHref from './styles.css?url';

// Inline icon: spares browsers a /favicon.ico round trip that would only 404.
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' fill='%23154273'/%3E%3Crect x='6' width='4' height='16' fill='%23fff'/%3E%3C/svg%3E";

export const links: LinksFunction = () => [
  { rel: 'icon', href: FAVICON, type: 'image/svg+xml' },
  { rel: 'stylesheet', href: stylesHref },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const { lang, setCookie } = langFromRequest(request);
  const auth = readAuth(await getSession(request));
  const user = auth ? { displayName: auth.user.displayName, email: auth.user.email } : null;
  return data({ lang, user }, setCookie ? { headers: { 'Set-Cookie': setCookie } } : undefined);
}

function Footer() {
  const t = useDictionary();
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t.common.footer}</p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const lang = useLang();
  const rootData = useRouteLoaderData<typeof loader>('root');
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader user={rootData?.user ?? null} />
        <main id="inhoud" className="container main" tabIndex={-1}>
          {children}
        </main>
        <Footer />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return <ErrorPage status={status} />;
}
