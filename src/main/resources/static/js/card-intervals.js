// Each rating button of a card says what it does: "Good · 6 days". The days come from the server's
// scheduler (GET /api/cards/intervals), the same one that files the rating, so the two agree.
import { getJson } from './api.js';
import * as store from './progress-store.js';

const NAMES = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

export function inDays(days) {
  if (days <= 0) return 'today';
  if (days === 1) return '1 day';
  if (days < 60) return `${days} days`;
  if (days < 730) return `${Math.round(days / 30)} months`;
  return `${Math.round(days / 365)} years`;
}

/** Labels the [data-rating] buttons of `card` (lesson `lessonId`, card `cardId`) after the ratings it has so far. */
export async function labelRatingButtons(card, lessonId, cardId) {
  const reviews = (((store.lesson(lessonId).cards || {})[cardId]) || {}).reviews || [];
  const after = reviews.map((review) => review.rating).join(',');
  const { ok, body } = await getJson(`/api/cards/intervals?after=${encodeURIComponent(after)}`);
  for (const button of card.querySelectorAll('[data-rating]')) {
    const rating = button.dataset.rating;
    const days = ok ? body[rating] : undefined;
    button.textContent = days === undefined ? NAMES[rating] : `${NAMES[rating]} · ${inDays(days)}`;
    if (days !== undefined) button.setAttribute('aria-label', `${NAMES[rating]}: next review ${days <= 0 ? 'today' : 'in ' + inDays(days)}`);
  }
}
