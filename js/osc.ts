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
  if (args.length !== [...types].filter((t) => !'TFNI'.includes(t)).length) {
    throw new TypeError(`encodeOscMessage: ${args.length} arguments for types "${types}"`);
  }
  const parts: Uint8Array[] = [paddedString(path), paddedString(`,${types}`)];
  let next = 0;
  for (const t of types) {
    if ('TFNI'.includes(t)) continue;
    const a = args[next++];
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
