/**
 * Mentions of one actor within an article: the same folded name; a defined acronym
 * ("International Committee of the Red Cross (ICRC)") or one that spells an organization's
 * initials; a bare surname ("Carbonnier") of the person named in full ("Gilles Carbonnier"; of the
 * one named last before it when several share it), a
 * bare given name ("Gilles") too; a lone word of the one organization named in full ("the Church"
 * of "Church of Scientology", "Vantor" of "Vantor Group"). A lone organization head that several
 * organizations share ("the University") refers to the one named last before it, or to none: it is
 * never an actor of its own.
 */
import type { DiscoveredType, Typed } from './classify';
import { ORG_HEADS } from './cue-words';
import { foldName, initialsOf, isAcronymOf } from './fold';
import { isFirstName } from './word-lists';

export interface Found extends Typed {
  block: number;
  start: number;
  end: number;
  text: string;
  words: string[];
  /** Seen outside sentence starts and headlines. */
  midSentence: boolean;
  /** Followed by "(ACRONYM)": the acronym's group joins this one. */
  definesAcronym?: string;
}

export interface Group {
  key: string;
  found: Found[];
  surnameOf?: boolean;
  acronyms: Set<string>;
}

function typeVotes(found: readonly Found[]): Map<DiscoveredType, number> {
  const votes = new Map<DiscoveredType, number>();
  for (const f of found) votes.set(f.type, (votes.get(f.type) ?? 0) + f.cue);
  return votes;
}

/**
 * The type most of a group's evidence points to.
 * @example typeOf(group) // 'person'
 */
export function typeOf(group: Group): DiscoveredType {
  if (group.surnameOf) return 'person';
  const votes = [...typeVotes(group.found)].sort((a, b) => b[1] - a[1]);
  return votes[0]?.[0] ?? 'organization';
}

function merge(groups: Map<string, Group>, from: Group, into: Group): void {
  if (from === into) return;
  into.found.push(...from.found);
  for (const a of from.acronyms) into.acronyms.add(a);
  groups.delete(from.key);
}

function linkAcronyms(groups: Map<string, Group>): void {
  const all = [...groups.values()];
  for (const group of all) {
    for (const f of group.found) {
      const defined = f.definesAcronym && groups.get(foldName(f.definesAcronym));
      if (defined && defined !== group) {
        group.acronyms.add(f.definesAcronym!);
        merge(groups, defined, group);
      }
    }
  }
  const orgs = [...groups.values()].filter((g) => g.found[0]!.words.length > 1 && typeOf(g) === 'organization');
  for (const group of [...groups.values()]) {
    const f = group.found[0]!;
    if (f.words.length !== 1 || f.text !== f.text.toUpperCase() || !groups.has(group.key)) continue;
    const owners = orgs.filter((o) => groups.has(o.key) && isAcronymOf(f.text, initialsOf(o.found[0]!.words)));
    if (owners.length === 1) {
      owners[0]!.acronyms.add(f.text);
      merge(groups, group, owners[0]!);
    }
  }
}

function linkSurnames(groups: Map<string, Group>): void {
  const people = [...groups.values()].filter((g) => g.found[0]!.words.length > 1 && typeOf(g) === 'person');
  for (const group of [...groups.values()]) {
    if (group.found[0]!.words.length !== 1 || (typeOf(group) === 'organization' && group.found[0]!.cue >= 0.6)) continue;
    const owners = people.filter((p) => foldName(p.found[0]!.words.at(-1)!) === group.key);
    if (owners.length === 1) {
      owners[0]!.surnameOf = true;
      merge(groups, group, owners[0]!);
    } else if (owners.length > 1) {
      // Two people share the surname: each bare mention is the one named last before it.
      const rest = group.found.filter((f) => {
        const owner = lastNamedBefore(owners, f);
        if (owner) Object.assign(owner, { surnameOf: true }).found.push(f);
        return !owner;
      });
      if (rest.length > 0) group.found = rest;
      else groups.delete(group.key);
    }
  }
}

const isLone = (g: Group): boolean => g.found[0]!.words.length === 1;
const nameWords = (g: Group): Set<string> =>
  new Set(g.found.flatMap((f) => f.words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => foldName(w))));

/** "Rosalind" after "Rosalind Ketteridge": the one person with that given name. */
function linkGivenNames(groups: Map<string, Group>): void {
  const people = [...groups.values()].filter((g) => !isLone(g) && typeOf(g) === 'person');
  for (const group of [...groups.values()]) {
    if (!isLone(group) || !isFirstName(group.key) || typeOf(group) !== 'person') continue;
    const owners = people.filter((p) => p.found.some((f) => foldName(f.words[0]!) === group.key));
    if (owners.length === 1) merge(groups, group, owners[0]!);
  }
}

/** "the Church" after "Church of Scientology": a lone word of the one organization that has it. */
function linkOrganizationParts(groups: Map<string, Group>): void {
  const orgs = [...groups.values()].filter((g) => !isLone(g) && typeOf(g) === 'organization');
  const words = new Map(orgs.map((o) => [o, nameWords(o)]));
  for (const group of [...groups.values()]) {
    const f = group.found[0]!;
    if (!isLone(group) || f.text === f.text.toUpperCase() || group.found.some((m) => m.type === 'place')) continue;
    if (isFirstName(group.key)) continue;
    const owners = orgs.filter((o) => groups.has(o.key) && words.get(o)!.has(group.key));
    if (owners.length === 1) merge(groups, group, owners[0]!);
    else if (owners.length > 1 && ORG_HEADS.has(group.key)) {
      groups.delete(group.key);
      for (const f of group.found) lastNamedBefore(owners, f)?.found.push(f);
    }
  }
}

const isBefore = (a: Found, b: Found): boolean => a.block < b.block || (a.block === b.block && a.start < b.start);

/** "the University" after "University of Arkansas" and "Duke University": the one named last before it. */
function lastNamedBefore(owners: readonly Group[], mention: Found): Group | undefined {
  let best: { group: Group; at: Found } | undefined;
  for (const group of owners) {
    for (const f of group.found) if (isBefore(f, mention) && (!best || isBefore(best.at, f))) best = { group, at: f };
  }
  return best?.group;
}

/**
 * Groups found names into actors.
 * @example groupMentions(found) // "Gilles Carbonnier" ... "Carbonnier" -> one group
 */
export function groupMentions(found: readonly Found[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of found) {
    const key = foldName(f.text);
    const group = groups.get(key) ?? { key, found: [], acronyms: new Set<string>() };
    group.found.push(f);
    groups.set(key, group);
  }
  linkAcronyms(groups);
  linkSurnames(groups);
  linkGivenNames(groups);
  linkOrganizationParts(groups);
  return [...groups.values()];
}
