// The lab workspace kept in this browser: each tab's draft (the free lab and every exercise) and the
// attempts of a learner who is not signed in (a signed-in learner's attempts are kept by the account).
// Shape: { account, lessons: { [lessonId]: { selected, drafts: { [slot]: { sql, savedAt } },
//                                            attempts: { [exerciseId]: [{ at, correct, summary, sql }] } } } }
// Times are ISO-8601 strings, so "the newer draft wins" is a string comparison, as in progress-store.js.
const KEY = 'netverks.workspace';
// the lab kept one draft per lesson before the workspace had tabs: it becomes the free lab's
const OLD_DRAFT_KEY = (lessonId) => `netverks.lab.draft.${lessonId}`;
export const MAX_ATTEMPTS = 20;

function load() {
  try {
    const state = JSON.parse(localStorage.getItem(KEY));
    if (state && typeof state === 'object' && state.lessons) return state;
  } catch (e) {
    // unreadable or blocked: start afresh
  }
  return { account: null, lessons: {} };
}

function save(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (e) {
    // full or blocked: the drafts live on in the editor until the page closes
  }
}

/** This lesson's part of the store, with the lab's old single draft moved into the free lab's slot. */
export function lesson(lessonId, account) {
  let state = load();
  if (state.account !== account && state.account) {
    // another learner's copy on a shared browser: never show it to this one
    state = { account, lessons: {} };
  }
  state.account = account;
  const record = state.lessons[lessonId] || { drafts: {}, attempts: {} };
  const old = localStorage.getItem(OLD_DRAFT_KEY(lessonId));
  if (old !== null) {
    if (!record.drafts.free) record.drafts.free = { sql: old, savedAt: new Date(0).toISOString() };
    localStorage.removeItem(OLD_DRAFT_KEY(lessonId));
  }
  state.lessons[lessonId] = record;
  save(state);
  return record;
}

/** Changes this lesson's record and stores it. */
export function update(lessonId, change) {
  const state = load();
  const record = state.lessons[lessonId] || { drafts: {}, attempts: {} };
  change(record);
  state.lessons[lessonId] = record;
  save(state);
  return record;
}

/** Logging out or deleting the account: the next person on this browser starts afresh. */
export function clear() {
  try {
    localStorage.removeItem(KEY);
  } catch (e) {
    // nothing kept
  }
}
