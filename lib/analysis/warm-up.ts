/**
 * Sample news text made of the knowledge base's own names, for the background to match a few
 * times once its matcher is loaded. A browser's JavaScript engine compiles a function to fast
 * machine code only after it has run a while: matched cold, on a reader's first articles, the
 * matcher took 3 ms per article (median, up to 15) instead of 1.3, and the page waited for it.
 */
import type { Entity } from '../entities/types';

const FRAMES = [
  (a: string, b: string, c: string) => `${a} met ${b} in ${c} on Tuesday, officials said.`,
  (a: string, b: string, c: string) => `“We are not there yet,” ${a} told reporters after talks with ${b} and ${c}.`,
  (a: string, b: string, c: string) => `The delegation from ${a} arrived in ${b}; ${c}’s envoy was expected later.`,
  (a: string, b: string, c: string) => `Analysts in ${a} said ${b} would not comment on the report about ${c}.`,
];

/**
 * `count` short paragraphs naming entities of every type `entities` holds, taken in turn by type
 * and spread over each type's list, each by its name or one of its aliases (in any script).
 * @example warmUpBlocks(entities).length // 24
 */
export function warmUpBlocks(entities: readonly Entity[], count = 24): string[] {
  if (entities.length === 0) return [];
  const byType = new Map<string, Entity[]>();
  for (const entity of entities) {
    const list = byType.get(entity.type);
    if (list) list.push(entity);
    else byType.set(entity.type, [entity]);
  }
  const lists = [...byType.values()];
  const names: string[] = [];
  for (let i = 0; names.length < count * 3; i++) {
    const list = lists[i % lists.length]!;
    const turn = Math.floor(i / lists.length);
    const entity = list[(turn * Math.max(1, Math.floor(list.length / count))) % list.length]!;
    const aliases = [entity.name, ...entity.aliases];
    names.push(aliases[turn % aliases.length]!);
  }
  return Array.from({ length: count }, (_, i) => FRAMES[i % FRAMES.length]!(names[3 * i]!, names[3 * i + 1]!, names[3 * i + 2]!));
}
