export type SafeHighlight = { kind: 'html'; html: string } | { kind: 'text'; text: string };

const MARK_TAG = /<\/?mark>/g;

/**
 * The API sends snippets as HTML-escaped text with `<mark>` around matches. Only when that holds —
 * no tag other than bare `<mark>`/`</mark>`, properly paired and not nested — may the snippet be
 * rendered as HTML; anything else is shown as plain (escaped) text.
 */
export function sanitizeHighlight(snippet: string): SafeHighlight {
  const withoutMarks = snippet.replace(MARK_TAG, '');
  if (withoutMarks.includes('<') || withoutMarks.includes('>')) return { kind: 'text', text: snippet };
  let open = false;
  for (const [tag] of snippet.matchAll(MARK_TAG)) {
    const closing = tag === '</mark>';
    if (closing !== open) return { kind: 'text', text: snippet };
    open = !closing;
  }
  if (open) return { kind: 'text', text: snippet };
  return { kind: 'html', html: snippet };
}
