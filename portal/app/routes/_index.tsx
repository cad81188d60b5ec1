import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { getSession, readAuth } from '../session.server';

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = readAuth(await getSession(request));
  return redirect(auth ? '/zoeken' : '/login');
}
