import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { login } from '../graphql/auth.server';
import { useDictionary } from '../i18n/use-dictionary';
import { pageTitle } from '../lib/meta';
import { DEFAULT_AFTER_LOGIN, safeRedirect } from '../lib/redirect-to';
import { formString, throwResponse } from '../lib/remix-flow.server';
import { commitSession, getSession, readAuth } from '../session.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (t) => t.login.title);

type LoginError = 'missingFields' | 'invalidCredentials' | 'apiUnavailable';

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const redirectTo = safeRedirect(params.get('redirectTo'));
  if (readAuth(await getSession(request))) throwResponse(redirect(redirectTo));
  return {
    redirectTo,
    expired: params.get('expired') === '1',
    loggedOut: params.get('loggedOut') === '1',
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = formString(form, 'email').trim();
  const password = formString(form, 'password');
  const redirectTo = safeRedirect(form.get('redirectTo'));
  const fail = (error: LoginError, status: number) => data({ error, email }, { status });

  if (!email || !password) return fail('missingFields', 400);
  const result = await login(email, password, request.headers.get('x-forwarded-for'));
  if (!result.ok) {
    // Wrong credentials come back as UNAUTHENTICATED; any other failure is the service's, not the user's.
    if (result.error.code === 'UNAUTHENTICATED' || result.error.code === 'BAD_USER_INPUT') {
      return fail('invalidCredentials', 401);
    }
    console.error(`Login failed: ${result.error.code}: ${result.error.message}`);
    return fail('apiUnavailable', 503);
  }

  const session = await getSession(request);
  session.set('token', result.data.token);
  session.set('expiresAt', result.data.expiresAt);
  session.set('user', result.data.user);
  const expires = new Date(result.data.expiresAt);
  const cookie = await commitSession(session, Number.isNaN(expires.getTime()) ? undefined : expires);
  return redirect(redirectTo, { headers: { 'Set-Cookie': cookie } });
}

export default function LoginPage() {
  const t = useDictionary().login;
  const { redirectTo, expired, loggedOut } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorRef = useRef<HTMLDivElement>(null);
  const error = actionData?.error;

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error, actionData]);

  const notice = expired ? t.sessionExpired : loggedOut ? t.loggedOut : null;
  const busy = navigation.state === 'submitting';

  return (
    <div className="login">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {notice && !error && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <div className="alert alert--error" role="alert" tabIndex={-1} ref={errorRef} id="login-error">
          {t[error]}
        </div>
      )}
      <Form method="post" className="form" aria-describedby={error ? 'login-error' : undefined}>
        <input type="hidden" name="redirectTo" value={redirectTo === DEFAULT_AFTER_LOGIN ? '' : redirectTo} />
        <div className="field">
          <label htmlFor="email">{t.email}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={actionData?.email ?? ''}
            aria-invalid={error === 'invalidCredentials' ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="password">{t.password}</label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={error === 'invalidCredentials' ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t.submit}
        </button>
      </Form>
    </div>
  );
}
