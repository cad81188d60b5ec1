import { excerpt } from '../lib/format';
import { sanitizeHighlight } from '../lib/highlight';

/** The API's highlight when it is safe to render as HTML, else the item text as plain text. */
export function Snippet({ highlight, text }: { highlight: string | null; text: string }) {
  if (highlight) {
    const safe = sanitizeHighlight(highlight);
    if (safe.kind === 'html') {
      // Safe: sanitizeHighlight verified the only markup is balanced <mark> tags in escaped text.
      return <p className="snippet" dangerouslySetInnerHTML={{ __html: safe.html }} />;
    }
    return <p className="snippet">{safe.text}</p>;
  }
  return <p className="snippet">{excerpt(text)}</p>;
}
