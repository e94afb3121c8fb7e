/** Defaults of `parcours preview`, in a module light enough for the CLI's `--help`. */

/** Vite's preview port: free on most machines, and familiar. */
export const DEFAULT_PREVIEW_PORT = 4173;
