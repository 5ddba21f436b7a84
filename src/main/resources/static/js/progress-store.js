// The learner's progress, kept in this browser, and for a signed-in learner synced with their
// account (the server merges what the browser sends and answers with the account's progress).
// Shape (version 1), keyed by stable content ids:
// { version: 1, updatedAt, account, syncedAt, lessons: { [lessonId]: {
//     openedAt, completedAt, uncompletedAt,
//     confidence: { value: 1..5, savedAt },
//     quiz:  { [questionId]: { choice, correct, answeredAt } },
//     cards: { [cardId]: { rating, ratedAt, flippedAt, reviews: [{ rating, ratedAt }], dueOn } },
//     exercises: { [exerciseId]: { solvedAt } } } } }
// Every time is an ISO-8601 string, so "the newer one wins" is a string comparison.
import { postJson } from './api.js';

const KEY = 'netverks.progress';
const VERSION = 1;

function empty() {
  return { version: VERSION, updatedAt: null, lessons: {} };
}

export function load() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY));
    if (stored && stored.version === VERSION && typeof stored.lessons === 'object') {
      return stored;
    }
  } catch (e) {
    // unreadable or blocked storage: start afresh rather than break the page
  }
  return empty();
}

function save(state) {
  state.updatedAt = new Date().toISOString();
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (e) {
    return false;
  }
  if (signedInAs()) schedulePush();
  return true;
}

/** The signed-in learner's e-mail (the layout says so in a meta tag), or null. */
export function signedInAs() {
  const meta = document.querySelector('meta[name="netverks-account"]');
  return meta ? meta.content : null;
}

let pushTimer = null;
function schedulePush() {
  clearTimeout(pushTimer);
  pushTimer = setTimeout(push, 250);
}

/**
 * Sends this browser's progress to be merged into the account, then follows the account. A change
 * made while the request was under way is not overwritten: it goes in the next push.
 */
export async function push() {
  const state = load();
  const sent = state.updatedAt;
  const { ok, body } = await postJson('/api/progress/merge', { lessons: state.lessons });
  if (ok && load().updatedAt === sent) adopt(body);
  return ok;
}

/** Replaces this browser's progress with the account's, and tells the page. */
export function adopt(account) {
  const time = new Date().toISOString();
  const state = { version: VERSION, updatedAt: time, syncedAt: time, account: account.account, lessons: account.lessons || {} };
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch (e) {
    return;
  }
  document.dispatchEvent(new CustomEvent('progress:synced', { detail: { at: time } }));
}

/** Whether this browser has progress the account has not seen yet. */
export function hasUnsyncedChanges() {
  const state = load();
  return Boolean(state.updatedAt) && (!state.syncedAt || state.updatedAt > state.syncedAt);
}

export function clear() {
  try {
    localStorage.removeItem(KEY);
  } catch (e) {
    // nothing kept, nothing to clear
  }
}

export function lesson(lessonId) {
  return load().lessons[lessonId] || {};
}

/** Changes one lesson's record and saves; returns whether it was saved. */
export function update(lessonId, change) {
  const state = load();
  const record = state.lessons[lessonId] || (state.lessons[lessonId] = {});
  change(record);
  return save(state);
}

export function now() {
  return new Date().toISOString();
}

export function stateOf(record) {
  if (record.completedAt) return 'completed';
  if (record.openedAt) return 'read';
  return 'not-started';
}

export const STATE_LABELS = { 'completed': 'Completed', 'read': 'Read', 'not-started': 'Not started' };

/** How many of these lesson ids are completed. */
export function completedCount(lessonIds) {
  const lessons = load().lessons;
  return lessonIds.filter((id) => lessons[id] && lessons[id].completedAt).length;
}

export function formatTime(iso) {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
