/**
 * The shared browser xAPI layer (TinCan and cmi5 runtimes). Public surface:
 *   launch        readTinCanLaunch, normalizeAgent, agentKey, isUuid
 *   session       XapiSession (statements + state for one learner, one LRS, one activity)
 *   statements    course/step/question statement builders; video-profile: video statements
 *   lrs-client    postStatements, getDocument, putDocument (fetch, keepalive)
 *   queue/state   StatementQueue, StateDocument (durable over localStorage)
 *   reporting     CourseReporter (answers, step outcomes, videos, resume document: what the TinCan
 *                 and cmi5 adapters report alike), ResumeDocument (the `parcours-state` document)
 */
export * from './course-reporter.js';
export * from './launch.js';
export * from './lrs-client.js';
export * from './resume-document.js';
export * from './session.js';
export * from './state-store.js';
export * from './statement-queue.js';
export * from './statements.js';
export * from './storage.js';
export * from './video-profile.js';
export * from './vocabulary.js';
export { interactionDefinition, interactionResult } from './interaction.js';
