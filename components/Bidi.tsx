/**
 * Text from pages and imported files shown inside the extension's own sentences. A name may carry
 * bidi controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+2066–U+2069 isolates) or simply be written right
 * to left: shown as is, it would reorder the words around it ("matched as", dates, counts). Such
 * text goes in a `<bdi>` (HTML's bidi isolate), or in an element with `dir="auto"`, which isolates
 * it the same way (WHATWG HTML, "Bidirectional text"; Unicode UAX #9, isolates end every override
 * opened inside them).
 */
import { t } from '../services/i18n';

/**
 * `text` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, for places that take only text
 * (`<option>`, `title`): the isolate ends whatever override `text` opens.
 */
export function isolateText(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Marks where a substitution goes in a translated message: private-use, never in a translation. */
const SLOT = (i: number) => `\uE000${i}\uE001`;
const SLOTS = /\uE000(\d+)\uE001/;

/**
 * A translated message whose substitutions are untrusted text, each isolated in a `<bdi>`.
 * @example <Message id="card_matched_as" args={[matchedAs]} /> // matched as “<bdi>…</bdi>”
 */
export function Message({ id, args }: { id: string; args: (string | number)[] }) {
  const parts = t(id, ...args.map((_, i) => SLOT(i))).split(SLOTS);
  // split with a capture group: even indexes are the message's text, odd ones a slot's number.
  return <>{parts.map((part, i) => (i % 2 === 0 ? part : <bdi key={i}>{String(args[Number(part)] ?? '')}</bdi>))}</>;
}
