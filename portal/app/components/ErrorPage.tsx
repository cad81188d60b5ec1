import { Link } from '@remix-run/react';
import { useDictionary } from '../i18n/use-dictionary';

/** Title and body for an HTTP status, in the current language. */
export function ErrorPage({ status }: { status: number }) {
  const t = useDictionary().errors;
  const [title, body] =
    status === 404
      ? [t.notFoundTitle, t.notFoundBody]
      : status === 403
        ? [t.forbiddenTitle, t.forbiddenBody]
        : status === 400
          ? [t.badRequestTitle, t.badRequestBody]
          : status === 503
            ? [t.unavailableTitle, t.unavailableBody]
            : [t.errorTitle, t.errorBody];
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <Link to="/">{t.goHome}</Link>
      </p>
    </div>
  );
}
