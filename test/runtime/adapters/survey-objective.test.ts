/**
 * A survey (a quiz of Likert questions: weight 0) does not pass its step (issue 12). The core's
 * decision (evaluateCourse) gives the survey's step the objective `completed`, with no score, and
 * starts no course score; what the adapters then send for it: SCORM 1.2 writes
 * cmi.objectives.n.status `completed` (scorm-again as the LMS), xAPI sends the step `completed`
 * and no `passed`/`failed` statement (fake LRS). Before, the step was `passed` (score 100).
 */
import type { Statement } from '@xapi/xapi';
import { describe, expect, it, vi } from 'vitest';
import { createScorm12Adapter } from '../../../src/runtime/adapters/scorm12.js';
import { evaluateCourse } from '../../../src/runtime/core/progress.js';
import type { RuntimeCourse, RuntimeQuiz } from '../../../src/shared/course-data.js';
import { emptyLearnerState } from '../../../src/shared/learner-state.js';
import { own, record, setOwn } from '../../../src/shared/records.js';
import { sampleRuntimeCourse } from '../../support/runtime-course.js';
import { POLL } from '../../support/timeouts.js';
import { fakeLrsFetch, xapiAdapterOn } from '../xapi/fake-lrs.js';
import { lmsData, newLms } from './scorm12-lms.js';

/** The sample's two steps, the second's sheet replaced by a survey (its weight 0, as the build computes for Likert questions). */
function courseWithSurvey(): { course: RuntimeCourse; survey: RuntimeQuiz } {
  const course = sampleRuntimeCourse();
  const survey: RuntimeQuiz = {
    kind: 'quiz',
    id: 'avis',
    title: 'Votre avis',
    passingScore: 80,
    attempts: 0,
    shuffle: false,
    weight: 0,
    questions: [{ id: 'utile', type: 'likert', weight: 1, promptText: 'Ce parcours est utile.', choices: [] }],
  };
  course.steps[1]!.activities = [survey];
  return { course, survey };
}

/** The survey answered and submitted, as the quiz module leaves it (a survey scores 100). */
function surveyAnswered(course: RuntimeCourse) {
  const state = emptyLearnerState();
  state.visited.push('avis');
  setOwn(state.quizzes, 'avis', { attempts: 1, score: 100, best: 100, passed: true, answers: record<string[]>(), submitted: true });
  const isDone = (a: { id: string; kind: string }) => a.kind === 'quiz' && !!own(state.quizzes, a.id)?.submitted;
  return evaluateCourse(course, state, isDone);
}

describe('a survey’s step objective', () => {
  it('is completed, without a score, and starts no course score', () => {
    const { course } = courseWithSurvey();
    const evaluation = surveyAnswered(course);
    expect(evaluation.steps[1]!.objective).toEqual({ id: 'typologie', status: 'completed' });
    expect(evaluation.progress.scorePercent).toBeUndefined();
    expect(evaluation.progress.success).toBeUndefined();
  });

  it('reaches a SCORM 1.2 LMS as cmi.objectives.n.status completed', async () => {
    const { course } = courseWithSurvey();
    const lms = newLms();
    const adapter = createScorm12Adapter(lms);
    await adapter.start();
    for (const step of surveyAnswered(course).steps) adapter.recordObjective(step.objective);
    adapter.commit();
    const objectives = Object.values(lmsData(lms).objectives as Record<string, { id: string; status: string; score: { raw: string } }>);
    const survey = objectives.find((o) => o.id === 'typologie')!;
    expect(survey.status).toBe('completed');
    expect(survey.score.raw).toBe('');
  });

  it('reaches an LRS as the step completed, never passed', async () => {
    const { course } = courseWithSurvey();
    const lrs = fakeLrsFetch();
    const adapter = xapiAdapterOn(lrs, course, { actor: { objectType: 'Agent', name: 'Camille', mbox: 'mailto:camille@example.org' } });
    await adapter.start();
    for (const step of surveyAnswered(course).steps) adapter.recordObjective(step.objective);
    adapter.finish('leave');
    const about = (s: Statement) => `${s.verb.id.split('/').pop()} ${(s.object as { id: string }).id.split('/').pop()}`;
    await vi.waitFor(() => expect(lrs.statements.map(about)).toContain('completed typologie'), POLL);
    await vi.waitFor(() => expect(lrs.statements.map(about).some((s) => s.startsWith('terminated'))).toBe(true), POLL);
    expect(lrs.statements.map(about).filter((s) => s.endsWith(' typologie'))).toEqual(['completed typologie']);
  });
});
