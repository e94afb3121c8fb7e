/** The few DOM helpers the runtime shares. */
export function one<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T | null {
  return root.querySelector<T>(selector);
}

export function all<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T[] {
  return Array.from(root.querySelectorAll<T>(selector));
}

/** Hides (or shows) every element of `root` matching `selector`. */
export function setHidden(selector: string, hidden: boolean, root?: ParentNode): void {
  for (const el of all(selector, root)) el.hidden = hidden;
}

/** Runs `fn` once calls stop for `ms`; `flush` runs it now (a pending call with it). */
export function debounce(fn: () => void, ms: number): { (): void; flush(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  call.flush = () => {
    clearTimeout(timer);
    fn();
  };
  return call;
}
