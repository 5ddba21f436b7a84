// Today's due cards (/me/cards): show the answer, rate it, and the card leaves today's queue with
// its next review date. A rating is saved like any other progress (merged into the account).
import * as store from './progress-store.js';
import { labelRatingButtons } from './card-intervals.js';

const review = document.querySelector('[data-card-review]');
const left = review.querySelector('[data-cards-left]');

for (const card of review.querySelectorAll('[data-review-card]')) {
  const flip = card.querySelector('.card-flip');
  const back = card.querySelector('.card-back');
  const status = card.querySelector('.card-status');
  flip.addEventListener('click', () => {
    back.hidden = !back.hidden;
    flip.setAttribute('aria-expanded', String(!back.hidden));
    flip.textContent = back.hidden ? 'Show answer' : 'Hide answer';
    card.classList.toggle('flipped', !back.hidden);
    if (!back.hidden) labelRatingButtons(card, card.dataset.lessonId, card.dataset.cardId);
  });
  for (const button of card.querySelectorAll('[data-rating]')) {
    button.addEventListener('click', async () => {
      const { lessonId, cardId } = card.dataset;
      const rating = { rating: button.dataset.rating, ratedAt: store.now() };
      store.update(lessonId, (record) => {
        record.cards = record.cards || {};
        const previous = record.cards[cardId] || {};
        record.cards[cardId] = { ...previous, ...rating, reviews: [...(previous.reviews || []), rating] };
      });
      status.textContent = 'Saving…';
      const saved = await store.push();
      const next = ((store.lesson(lessonId).cards || {})[cardId] || {}).dueOn;
      if (!saved) {
        status.textContent = 'Not saved: could not reach the server. Try again.';
        return;
      }
      const today = new Date().toISOString().slice(0, 10);
      status.textContent = next && next > today ? `Saved. Next review on ${next}.` : 'Saved. It comes back later today.';
      card.classList.add('card-done');
      const remaining = review.querySelectorAll('[data-review-card]:not(.card-done)').length;
      left.textContent = remaining === 0 ? 'All done for today.' : `${remaining} to review.`;
    });
  }
}
