/** What `read` gives, or undefined when it throws (a refused storage, a window of another origin, a broken LMS). */
export function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
