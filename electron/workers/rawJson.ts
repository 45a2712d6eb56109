/**
 * A result already turned into JSON text by the worker that made it. A 10 000-row 花名册 preview
 * is ~11 MB of JSON: cloning it back as objects and stringifying it again for the browser would
 * block the thread that answers calls for half a second or more. Browser mode writes the text
 * straight into its answer; every other caller (Electron IPC, tests) gets the parsed value from
 * the router, so a handler's result type stays what the contract says.
 */
export class RawJson<T = unknown> {
  /** Never read; carries the type of what the text holds. */
  declare readonly phantom?: T;
  /** UTF-8 bytes, encoded in the worker too: for 11 MB of mostly Chinese text that alone takes a while. */
  constructor(readonly utf8: Uint8Array) {}

  parse(): T {
    return JSON.parse(Buffer.from(this.utf8.buffer, this.utf8.byteOffset, this.utf8.byteLength).toString('utf8')) as T;
  }
}

/** The value itself, whichever form a handler answered in (for callers other than the bridge). */
export function plain<T>(v: T | RawJson<T>): T {
  return v instanceof RawJson ? v.parse() : v;
}
