import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { logout } from '../graphql/auth.server';
import { destroySession, getSession } from '../session.server';

export async function action({ request }: ActionFunctionArgs) {
  const session = await getSession(request);
  const token = session.get('token');
  if (token) {
    // The portal session ends whatever the API says; a failed revoke only leaves the token to expire.
    const result = await logout(token);
    if (!result.ok && result.error.code !== 'UNAUTHENTICATED') {
      console.error(`Logout at the API failed: ${result.error.code}: ${result.error.message}`);
    }
  }
  return redirect('/login?loggedOut=1', { headers: { 'Set-Cookie': await destroySession(session) } });
}

// Logging out changes state, so it is POST-only; a stray GET just goes home.
export function loader() {
  return redirect('/');
}
