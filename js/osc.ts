// OSC's binary message format (OSC 1.0), for hosts that route OSC to and from the engine themselves
// (Csound.oscDeliver / Csound.oscTake): wasm has no UDP socket, the host has WebSockets, Node's dgram, ...

/** An OSC argument: numbers for i h f d c, strings for s S, bytes for b, booleans for T/F, null for N. */
export type OscArgument = number | bigint | string | Uint8Array | boolean | null;

export interface OscMessage {
  path: string;
  /** Type tags without the leading comma, e.g. "ifs". */
  types: string;
  args: OscArgument[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function paddedString(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const out = new Uint8Array((bytes.length + 4) & ~3);
  out.set(bytes);
  return out;
}

/** Encodes one OSC message. Types: i (int32), h (int64), f (float32), d (float64), c (char code), s/S (string),
 * b (blob), T, F, N (no data). */
export function encodeOscMessage(path: string, types: string, args: OscArgument[]): Uint8Array {
  if (typeof path !== 'string') throw new TypeError(`encodeOscMessage: path must be a string, got ${kind(path)}`);
  if (typeof types !== 'string') throw new TypeError(`encodeOscMessage: types must be a string, got ${kind(types)}`);
  if (!Array.isArray(args)) throw new TypeError(`encodeOscMessage: args must be an array, got ${kind(args)}`);
  if (args.length !== [...types].filter((t) => !'TFNI'.includes(t)).length) {
    throw new TypeError(`encodeOscMessage: ${args.length} arguments for types "${types}"`);
  }
  const parts: Uint8Array[] = [paddedString(path), paddedString(`,${types}`)];
  let next = 0;
  for (const t of types) {
    if ('TFNI'.includes(t)) continue;
    const a = args[next++];
    const wants = t === 's' || t === 'S' ? 'string' : t === 'b' ? 'Uint8Array' : t === 'h' ? 'number or bigint' : 'number';
    const fits = wants === 'string' ? typeof a === 'string' : wants === 'Uint8Array' ? a instanceof Uint8Array
      : typeof a === 'number' || (t === 'h' && typeof a === 'bigint');
    if (!fits && 'ifdchsSb'.includes(t)) {
      throw new TypeError(`encodeOscMessage: args[${next - 1}] (type '${t}') must be a ${wants}, got ${kind(a)}`);
    }
    if (t === 'h' && typeof a === 'number' && !Number.isInteger(a)) {
      throw new RangeError(`encodeOscMessage: args[${next - 1}] (type 'h') must be an integer, got ${a}`);
    }
    const word = new DataView(new ArrayBuffer(t === 'h' || t === 'd' ? 8 : 4));
    switch (t) {
      case 'i': case 'c': word.setInt32(0, Number(a)); break;
      case 'f': word.setFloat32(0, Number(a)); break;
      case 'd': word.setFloat64(0, Number(a)); break;
      case 'h': word.setBigInt64(0, BigInt(a as number | bigint)); break;
      case 's': case 'S': parts.push(paddedString(String(a))); continue;
      case 'b': {
        const data = a as Uint8Array;
        const blob = new Uint8Array(4 + ((data.length + 3) & ~3));
        new DataView(blob.buffer).setInt32(0, data.length);
        blob.set(data, 4);
        parts.push(blob);
        continue;
      }
      default: throw new TypeError(`encodeOscMessage: unsupported type tag '${t}'`);
    }
    parts.push(new Uint8Array(word.buffer));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Decodes one OSC message (not a bundle). */
export function decodeOscMessage(packet: Uint8Array): OscMessage {
  if (!(packet instanceof Uint8Array)) throw new TypeError(`decodeOscMessage: packet must be a Uint8Array, got ${kind(packet)}`);
  try {
    return decodePacket(packet);
  } catch (cause) {
    // A DataView read past the end: the packet is shorter than its type tags say.
    if (cause instanceof RangeError && !cause.message.startsWith('decodeOscMessage')) {
      throw new RangeError(`decodeOscMessage: packet is truncated (${packet.length} bytes)`);
    }
    throw cause;
  }
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

function decodePacket(packet: Uint8Array): OscMessage {
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  let at = 0;
  const readString = (): string => {
    const end = packet.indexOf(0, at);
    if (end < 0) throw new RangeError('decodeOscMessage: unterminated string');
    const text = decoder.decode(packet.subarray(at, end));
    at = (end + 4) & ~3;
    return text;
  };
  const path = readString();
  const types = at < packet.length ? readString().replace(/^,/, '') : '';
  const args: OscArgument[] = [];
  for (const t of types) {
    switch (t) {
      case 'i': case 'c': args.push(view.getInt32(at)); at += 4; break;
      case 'f': args.push(view.getFloat32(at)); at += 4; break;
      case 'd': args.push(view.getFloat64(at)); at += 8; break;
      case 'h': args.push(view.getBigInt64(at)); at += 8; break;
      case 't': args.push(view.getBigUint64(at)); at += 8; break;
      case 'm': args.push(packet.slice(at, at + 4)); at += 4; break;
      case 's': case 'S': args.push(readString()); break;
      case 'b': {
        const n = view.getInt32(at);
        if (n < 0 || at + 4 + n > packet.length) throw new RangeError(`decodeOscMessage: blob of ${n} bytes past the end`);
        args.push(packet.slice(at + 4, at + 4 + n));
        at += 4 + ((n + 3) & ~3);
        break;
      }
      case 'T': args.push(true); break;
      case 'F': args.push(false); break;
      case 'N': case 'I': args.push(null); break;
      default: throw new RangeError(`decodeOscMessage: unsupported type tag '${t}'`);
    }
  }
  return { path, types, args };
}
