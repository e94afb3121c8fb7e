/**
 * An ordering question is never shown already in its right order, or the learner could submit
 * it untouched: the runtime shuffles its items (per learner and attempt when the quiz shuffles,
 * per question otherwise) and moves one item when the shuffle happens to give the right order.
 * The seeds that give the right order are found here with the runtime's own shuffle, so the
 * check meets that case every time.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../src/load/index.js';
import { seededShuffle } from '../../../src/runtime/core/shuffle.js';
import { launchChromium } from '../../support/chromium.js';
import { openCoursePage, serveRecordingSite, type RecordingSite } from '../../support/recording-site.js';

const ITEMS = ['first', 'second', 'third'];
const inOrder = (order: readonly string[]) => order.every((id, k) => id === ITEMS[k]);

/** The first `count` values of `make(0…)` for which the runtime's shuffle keeps ITEMS in order. */
function seedsKeepingOrder(count: number, make: (n: number) => string, seedOf: (value: string) => string): string[] {
  const found: string[] = [];
  for (let n = 0; found.length < count; n++) {
    if (n > 10_000) throw new Error('no seed keeps the order: the shuffle changed, rewrite this search');
    if (inOrder(seededShuffle(ITEMS, seedOf(make(n))))) found.push(make(n));
  }
  return found;
}

/** Question ids whose own id (the seed when the quiz does not shuffle) gives the right order. */
const UNSHUFFLED_IDS = seedsKeepingOrder(2, (n) => `steps-${n}`, (id) => id);
/** Learners whose first attempt at the shuffled quiz's question gives the right order. */
const UNLUCKY_LEARNERS = seedsKeepingOrder(2, (n) => `Learner ${n}`, (name) => `${name}|shuffled-quiz|0|steps`);

const orderingQuestion = (id: string) =>
  `      - id: ${id}\n        type: ordering\n        prompt: Put the steps in order.\n        items:\n` +
  ITEMS.map((item) => `          - { id: ${item}, text: Step ${item} }\n`).join('');

let browser: Browser;
let site: RecordingSite;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'parcours-ordering-'));
  const courseDir = path.join(work, 'course');
  await mkdir(path.join(courseDir, 'steps'), { recursive: true });
  await writeFile(path.join(courseDir, 'course.yaml'), 'id: ordering-course\ntitle: Ordering\nlanguage: en\ndescription: Ordering questions.\nsteps:\n  - steps/01.yaml\n');
  await writeFile(
    path.join(courseDir, 'steps', '01.yaml'),
    'id: order\ntitle: Order\nduration: 5 min\nactivities:\n' +
      `  - kind: quiz\n    id: fixed-quiz\n    title: Fixed\n    questions:\n${UNSHUFFLED_IDS.map(orderingQuestion).join('')}` +
      `  - kind: quiz\n    id: shuffled-quiz\n    title: Shuffled\n    shuffle: true\n    questions:\n${orderingQuestion('steps')}`,
  );
  const { course, diagnostics } = await loadCourse(courseDir);
  if (!course) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  site = await serveRecordingSite(course, path.join(work, 'site'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

async function shownOrders(hash: string, activity: string, learner?: string): Promise<string[][]> {
  const page = await openCoursePage(browser, `${site.url}?${new URLSearchParams(learner ? { learner } : {})}${hash}`);
  const questions = page.locator(`[data-activity="${activity}"] [data-order]`);
  await questions.first().waitFor();
  const orders = await questions.evaluateAll((lists) => lists.map((list) => [...list.querySelectorAll<HTMLElement>('[data-part]')].map((item) => item.dataset.part!)));
  await page.close();
  return orders;
}

describe('ordering questions', () => {
  it('are not shown in order when the quiz does not shuffle, even where the question’s own shuffle keeps the order', async () => {
    const orders = await shownOrders('#/order/fixed-quiz', 'fixed-quiz');
    expect(orders).toHaveLength(UNSHUFFLED_IDS.length);
    for (const order of orders) {
      expect([...order].sort()).toEqual([...ITEMS].sort());
      expect(inOrder(order)).toBe(false);
    }
  });

  it('are not shown in order to a learner whose shuffle keeps the order', async () => {
    for (const learner of [...UNLUCKY_LEARNERS, 'Ada', 'Bruno']) {
      const [order] = await shownOrders('#/order/shuffled-quiz', 'shuffled-quiz', learner);
      expect([...order!].sort()).toEqual([...ITEMS].sort());
      expect(inOrder(order!), `${learner} sees ${order!.join(', ')}`).toBe(false);
    }
  });
});
