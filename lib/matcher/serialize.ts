/**
 * Serialization of a compiled matcher to ONE ArrayBuffer, so the background can keep it in
 * IndexedDB and be ready after a service-worker restart without recompiling. Layout: magic, header
 * length, a JSON header naming each typed array and where it lives, then the arrays themselves,
 * 8-byte aligned, so `deserializeMatcher` makes zero-copy views instead of parsing anything big.
 */
import type { CompiledMatcher } from './types';

const MAGIC = 0x4d52_4444; // "DDRM"
const FORMAT_VERSION = 1;

type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;
const TYPES = { Int32Array, Uint32Array, Uint16Array, Uint8Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

interface Header {
  version: number;
  vocabSize: number;
  arrays: [name: string, type: TypeName, byteOffset: number, length: number][];
}

function arraysOf(m: CompiledMatcher): Record<string, Typed> {
  const { vocabulary: v, automaton: a } = m;
  return {
    vocabChars: v.chars,
    vocabOffsets: v.offsets,
    vocabTable: v.table,
    childStart: a.childStart,
    childSymbol: a.childSymbol,
    childNode: a.childNode,
    rootNext: a.rootNext,
    fail: a.fail,
    outLink: a.outLink,
    nodePattern: a.nodePattern,
    patternLength: m.patternLength,
    patternKind: m.patternKind,
    patternEntryStart: m.patternEntryStart,
    entryAlias: m.entryAlias,
    aliasEntity: m.aliasEntity,
    aliasPriority: m.aliasPriority,
    aliasCase: m.aliasCase,
    entityChars: m.entityChars,
    entityOffsets: m.entityOffsets,
  };
}

function fromArrays(x: Record<string, Typed>, vocabSize: number): CompiledMatcher {
  const get = <T extends Typed>(name: string) => x[name] as T;
  return {
    vocabulary: { chars: get('vocabChars'), offsets: get('vocabOffsets'), table: get('vocabTable') },
    automaton: {
      vocabSize,
      childStart: get('childStart'),
      childSymbol: get('childSymbol'),
      childNode: get('childNode'),
      rootNext: get('rootNext'),
      fail: get('fail'),
      outLink: get('outLink'),
      nodePattern: get('nodePattern'),
    },
    patternLength: get('patternLength'),
    patternKind: get('patternKind'),
    patternEntryStart: get('patternEntryStart'),
    entryAlias: get('entryAlias'),
    aliasEntity: get('aliasEntity'),
    aliasPriority: get('aliasPriority'),
    aliasCase: get('aliasCase'),
    entityChars: get('entityChars'),
    entityOffsets: get('entityOffsets'),
    entityCache: [],
  };
}

const align8 = (n: number) => (n + 7) & ~7;

function typeOf(array: Typed): TypeName {
  return (Object.keys(TYPES) as TypeName[]).find((name) => array instanceof TYPES[name])!;
}

/**
 * One self-describing buffer holding the compiled matcher (store it as-is in IndexedDB).
 * @example await db.put('matcher', serializeMatcher(compiled), 'current')
 */
export function serializeMatcher(m: CompiledMatcher): ArrayBuffer {
  const arrays = Object.entries(arraysOf(m));
  const encoder = new TextEncoder();
  // Offsets depend on the header's length and vice versa: reserve room for the longest numbers.
  const widest: Header = {
    version: FORMAT_VERSION,
    vocabSize: 2 ** 32,
    arrays: arrays.map(([n, a]) => [n, typeOf(a), 2 ** 40, 2 ** 40]),
  };
  let offset = align8(8 + encoder.encode(JSON.stringify(widest)).length);
  const header: Header = { version: FORMAT_VERSION, vocabSize: m.automaton.vocabSize, arrays: [] };
  for (const [name, array] of arrays) {
    header.arrays.push([name, typeOf(array), offset, array.length]);
    offset = align8(offset + array.byteLength);
  }
  const json = encoder.encode(JSON.stringify(header));
  const bytes = new Uint8Array(offset);
  new DataView(bytes.buffer).setUint32(0, MAGIC, true);
  new DataView(bytes.buffer).setUint32(4, json.length, true);
  bytes.set(json, 8);
  arrays.forEach(([, a], i) => bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), header.arrays[i]![2]));
  return bytes.buffer;
}

function readHeader(buffer: ArrayBuffer): Header {
  const head = new DataView(buffer);
  if (buffer.byteLength < 8 || head.getUint32(0, true) !== MAGIC) throw new Error('Not a serialized matcher');
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, head.getUint32(4, true)))) as Header;
  if (header.version !== FORMAT_VERSION) throw new Error(`Matcher format ${header.version}, expected ${FORMAT_VERSION}`);
  return header;
}

/**
 * The matcher in `buffer` (from `serializeMatcher`), as views over it: no copy, no recompiling.
 * @example const compiled = deserializeMatcher(await db.get('matcher', 'current'))
 */
export function deserializeMatcher(buffer: ArrayBuffer): CompiledMatcher {
  const header = readHeader(buffer);
  const arrays: Record<string, Typed> = {};
  for (const [name, type, byteOffset, length] of header.arrays) arrays[name] = new TYPES[type](buffer, byteOffset, length);
  return fromArrays(arrays, header.vocabSize);
}
