/**
 * Remembering pure functions of a text. The same statements, measures and dates are read again on
 * every keystroke and rarely change; a cache that starts afresh when full keeps memory bounded.
 */
export function memoByText<T>(compute: (text: string) => T, limit = 20_000): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) {
      if (cache.size >= limit) cache.clear();
      // The key outlives the text it was cut from: keep a copy, not a view of that whole text.
      const key = detached(text);
      value = compute(key);
      cache.set(key, value);
    }
    return value as T;
  };
}

/**
 * A copy of a slice that does not keep the whole text alive. V8 makes a long slice a view of its
 * parent string; blocks, elements and cache keys outlive their version of a document, and as views
 * each one kept a whole version alive (about 0.8 MB a keystroke at 2,000 actions).
 */
export const detached = (slice: string): string => ` ${slice}`.slice(1);
