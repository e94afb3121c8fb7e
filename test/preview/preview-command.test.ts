/** `parcours preview` as an author runs it: the real CLI (bin/parcours.cjs → lib/), stopped with Ctrl-C. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadedModules } from '../cli/loaded-modules.js';
import { bin, ensureBuilt, minimalCourse, repoRoot, runCli } from '../cli/run-cli.js';
import { get } from './preview-client.js';
import { POLL_TIMEOUT_MS } from '../support/timeouts.js';

const HEAVY = ['chokidar', 'esbuild', 'archiver', 'ajv', 'handlebars', 'yaml', 'marked', 'sanitize-html', 'mime-types'];
let work: string;

beforeAll(async () => {
  ensureBuilt();
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-preview-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A running `parcours preview`, with its output so far and a way to wait for a line. */
class PreviewProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, [bin, 'preview', ...args], { env: { ...process.env, NO_COLOR: '1' } });
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    // 'close', not 'exit': the process may exit before its last output has been read.
    this.exited = new Promise((resolve) => this.child.once('close', (code) => resolve(code)));
  }

  /** Waits until stdout, from `from` on, matches `pattern`; returns the match. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = POLL_TIMEOUT_MS): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = this.stdout.slice(from).match(pattern);
      if (match) return match;
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`no ${pattern} in the output:\n${this.stdout}\n${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  interrupt(): void {
    this.child.kill('SIGINT');
  }
}

describe('parcours preview (CLI)', () => {
  it('loads neither the watcher nor the build modules for --help', async () => {
    const packages = await loadedModules(['preview', '--help'], path.join(work, 'help.trace'));
    expect(runCli(['preview', '--help']).stdout).toContain('--port');
    expect(packages.has('commander')).toBe(true); // the trace works
    expect(HEAVY.filter((p) => packages.has(p))).toEqual([]);
  });

  it('prints the URL, each rebuild and its diagnostics, and stops cleanly on Ctrl-C', async () => {
    const dir = path.join(work, 'course');
    await cp(minimalCourse, dir, { recursive: true });
    const preview = new PreviewProcess([dir, '--port', '0']);
    try {
      const [, url] = await preview.waitFor(/Preview of .*: (http:\/\/127\.0\.0\.1:\d+\/)/);
      await preview.waitFor(/built in \d+ ms/);
      expect((await get(url!, '/')).status).toBe(200);

      const step = path.join(dir, 'steps/01-basics.yaml');
      const original = await readFile(step, 'utf8');
      let mark = preview.stdout.length;
      await writeFile(step, original.replace('activities:\n', 'activities:\n  - kind: [video\n'));
      await preview.waitFor(/^\S*steps\/01-basics\.yaml:\d+:\d+  YAML_SYNTAX/m, mark); // printed from the current folder
      await preview.waitFor(/rebuilt in \d+ ms \(steps\/01-basics\.yaml\); (an error|\d+ errors), shown over the last version that rendered/, mark);

      mark = preview.stdout.length;
      await writeFile(step, original);
      await preview.waitFor(/rebuilt in \d+ ms \(steps\/01-basics\.yaml\)\n/, mark);

      preview.interrupt();
      expect(await preview.exited).toBe(0);
      expect(preview.stdout).toContain('Preview stopped.');
      expect(preview.stderr).toBe('');
      await expect(get(url!, '/')).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      preview.interrupt();
    }
  });

  it('says which port is taken, and how to pick a free one', async () => {
    const blocker = http.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const preview = new PreviewProcess([minimalCourse, '--port', String(port)]);
      expect(await preview.exited).toBe(1);
      expect(preview.stderr).toContain(`port ${port} is already in use`);
      expect(preview.stderr).toContain('--port 0');
    } finally {
      blocker.close();
    }
  });
});
