// Fills in the learner's state on the track outline and the list of tracks from this browser's store.
import { completedCount, load, stateOf, STATE_LABELS } from './progress-store.js';

render();
document.addEventListener('progress:synced', render);

function render() {
  const lessons = load().lessons;

  for (const track of document.querySelectorAll('article.track')) {
    const steps = [...track.querySelectorAll('li.step')];
    const availableIds = steps.filter((s) => s.dataset.available === 'true').map((s) => s.dataset.lessonId);
    const total = steps.length;
    const done = completedCount(steps.map((s) => s.dataset.lessonId));
    track.querySelector('[data-completed-count]').textContent = done;
    track.querySelector('[data-completed-percent]').textContent = Math.round((done * 100) / total);
    track.querySelector('[data-completed-bar]').value = done;

    for (const step of steps) {
      const record = lessons[step.dataset.lessonId] || {};
      const label = step.querySelector('[data-step-state]');
      if (!label) continue;
      const state = stateOf(record);
      step.dataset.state = state;
      label.textContent = STATE_LABELS[state] +
        (record.confidence ? ` · confidence ${record.confidence.value}/5` : '');
      const exercises = step.querySelector('[data-step-exercises]');
      const solved = Object.keys(record.exercises || {}).length;
      if (exercises && solved > 0) {
        exercises.textContent = `${Math.min(solved, Number(step.dataset.exercises))} of ${step.dataset.exercises} exercises solved`;
      }
    }

    const next = availableIds.find((id) => !(lessons[id] && lessons[id].completedAt));
    const nextLink = track.querySelector('[data-next-step]');
    if (nextLink && next) {
      const step = steps.find((s) => s.dataset.lessonId === next);
      const link = step.querySelector('a');
      nextLink.href = link.getAttribute('href');
      nextLink.textContent = `Step ${step.querySelector('.step-number').textContent} · ${link.textContent}`;
    } else if (nextLink) {
      nextLink.parentElement.textContent = 'You have completed every lesson written so far.';
    }
  }

  for (const tile of document.querySelectorAll('li.track-tile')) {
    const line = tile.querySelector('[data-track-progress]');
    const opened = Object.keys(lessons).length;
    if (line && opened > 0) {
      line.hidden = false;
      line.textContent = 'You have progress saved in this browser — open the track to continue.';
    }
  }
}
