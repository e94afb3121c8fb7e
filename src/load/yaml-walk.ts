import { isCollection, isPair, type Document, type Node } from 'yaml';

/**
 * Calls `each` on every node of the document (scalars, aliases, maps, lists), each before what
 * it holds, keys before their values: the order of the yaml library's `visit`, without the path
 * array `visit` makes and freezes for every node (most of the time of a walk on a large file).
 * `each` returning false stops the walk.
 */
export function forEachNode(doc: Document, each: (node: Node) => boolean | void): void {
  const walk = (node: unknown): boolean => {
    if (isPair(node)) return walk(node.key) && walk(node.value);
    if (!node || typeof node !== 'object') return true; // an empty key or value
    if (each(node as Node) === false) return false;
    if (isCollection(node)) {
      for (const item of node.items) if (!walk(item)) return false;
    }
    return true;
  };
  walk(doc.contents);
}
