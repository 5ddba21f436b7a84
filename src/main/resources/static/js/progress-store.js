// The learner's progress, kept in this browser while signed out.
// Shape (version 1), keyed by stable content ids so it can be merged into an account later:
// { version: 1, updatedAt, lessons: { [lessonId]: {
//     openedAt, completedAt,
//     confidence: { value: 1..5, savedAt },
//     quiz:  { [questionId]: { choice, correct, answeredAt } },
//     cards: { [cardId]: { rating, ratedAt, flippedAt } },
//     exercises: { [exerciseId]: { solvedAt } } } } }
// Every time is an ISO-8601 string, so "the newer one wins" is a string comparison.
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
    return true;
  } catch (e) {
    return false;
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
