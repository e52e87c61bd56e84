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
      value = compute(text);
      cache.set(text, value);
    }
    return value as T;
  };
}
