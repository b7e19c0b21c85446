/**
 * Two matchers seen as one: the large base matcher (pack, imports, the reader's entities) and the
 * small one of names learned while reading, so learning a name never recompiles the base. Their
 * spans are merged the way one matcher resolves overlaps: leftmost, then longest; a span both
 * find exactly offers the candidates of both, base first.
 */
import type { Candidate } from './disambiguate';

export interface CandidateMatcher {
  match(blocks: readonly string[]): Candidate[];
}

function byStartThenLongest(a: Candidate, b: Candidate): number {
  return a.block - b.block || a.start - b.start || b.end - a.end;
}

/**
 * @example combineMatchers(base, learned).match(['Habibullah Sayyari met Iran’s envoy'])
 */
export function combineMatchers(...matchers: CandidateMatcher[]): CandidateMatcher {
  return {
    match(blocks) {
      const all = matchers.flatMap((m) => m.match(blocks)).sort(byStartThenLongest);
      const out: Candidate[] = [];
      for (const span of all) {
        const last = out.at(-1);
        if (last && last.block === span.block && last.start === span.start && last.end === span.end) {
          for (const id of span.candidates) if (!last.candidates.includes(id)) last.candidates.push(id);
          continue;
        }
        if (last && last.block === span.block && span.start < last.end) continue;
        out.push({ ...span, candidates: [...span.candidates] });
      }
      return out;
    },
  };
}
