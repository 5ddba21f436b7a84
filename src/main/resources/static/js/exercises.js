// Graded exercises in the lab's task pane: Check sends the editor's SQL (the selected exercise's own
// draft) to the server, which grades it on a fresh copy of the data and explains what differs; each
// check joins the exercise's attempts (workspace.js); hints come one at a time; solved exercises are
// kept with the learner's progress (progress-store.js) and marked on the page and on their tabs.
import { postJson, getJson } from './api.js';
import * as progress from './progress-store.js';
import { el } from './dom.js';

/**
 * @param answerFor  exerciseId -> { body: the check's request body } or { missing: what to write first }
 * @param onTimeline called with each timeline exercise of the list (its steps are in the API's answer only)
 */
export function setUpExercises(lab, workspace, answerFor, onTimeline) {
  const section = lab.querySelector('[data-exercises]');
  if (!section) return;
  const lessonId = lab.dataset.lessonId;
  const base = `${lab.dataset.labApi}/exercises`;
  const items = [...section.querySelectorAll('[data-exercise-id]')];

  for (const item of items) {
    const id = item.dataset.exerciseId;
    item.querySelector('[data-exercise-check]').addEventListener('click', () => check(item, id));
    const hintButton = item.querySelector('[data-exercise-hint]');
    if (hintButton) hintButton.addEventListener('click', () => hint(item, id, hintButton));
  }
  const offer = section.querySelector('[data-complete-offer]');
  offer.querySelector('[data-complete-offer-button]').addEventListener('click', markLessonComplete);
  showSolved();
  document.addEventListener('progress:synced', showSolved);
  document.addEventListener('progress:changed', showOffer);
  restoreFromServer();

  function solvedIds() {
    return progress.lesson(lessonId).exercises || {};
  }

  function showSolved() {
    const solved = solvedIds();
    for (const item of items) {
      const record = solved[item.dataset.exerciseId];
      const state = item.querySelector('[data-exercise-state]');
      item.classList.toggle('exercise-solved', Boolean(record));
      state.textContent = record ? `Solved ${progress.formatTime(record.solvedAt)}` : 'Not solved yet';
      const tab = lab.querySelector(`[data-slot="${CSS.escape(item.dataset.exerciseId)}"]`);
      if (tab) {
        tab.classList.toggle('workspace-tab-solved', Boolean(record));
        tab.querySelector('[data-tab-state]').textContent = record ? '✓' : ''; // before the title, which may be cut short
        tab.setAttribute('aria-label', `${tab.querySelector('.workspace-tab-title').textContent}${record ? ' (solved)' : ''}`);
      }
    }
    const count = items.filter((item) => solved[item.dataset.exerciseId]).length;
    section.querySelector('[data-exercises-summary]').textContent = `${count} of ${items.length} solved`;
    showOffer();
  }

  // Every exercise solved and the lesson not yet complete: offer to mark it, and say whether the quiz
  // ("Check yourself") is still open, since a lesson is done when both are.
  function showOffer() {
    const record = progress.lesson(lessonId);
    const solved = record.exercises || {};
    const allSolved = items.every((item) => solved[item.dataset.exerciseId]);
    offer.hidden = !allSolved || Boolean(record.completedAt);
    if (offer.hidden) return;
    const questions = [...document.querySelectorAll('form.quiz-question')].map((form) => form.dataset.questionId);
    const unanswered = questions.filter((id) => !(record.quiz || {})[id]).length;
    offer.querySelector('[data-complete-offer-text]').textContent = unanswered === 0
      ? 'You solved every exercise of this lesson. Mark it complete to move on in the track.'
      : `You solved every exercise. ${unanswered} quiz question${unanswered === 1 ? ' is' : 's are'} still open in “Check yourself”; you can answer them first or mark the lesson complete now.`;
  }

  function markLessonComplete() {
    progress.update(lessonId, (record) => {
      record.completedAt = progress.now();
      delete record.uncompletedAt;
    });
    offer.hidden = true;
    document.dispatchEvent(new CustomEvent('progress:changed'));
  }

  // Hints already revealed and solutions already earned in this session survive a reload.
  async function restoreFromServer() {
    const { ok, body } = await getJson(base);
    if (!ok || !Array.isArray(body)) return;
    for (const exercise of body) {
      const item = items.find((candidate) => candidate.dataset.exerciseId === exercise.id);
      if (!item) continue;
      if (exercise.timeline && onTimeline) onTimeline(exercise);
      exercise.revealedHints.forEach((html, index) => showHint(item, html, index + 1, exercise.hints));
      if (exercise.solution) showSolution(item, exercise);
    }
  }

  async function check(item, id) {
    const button = item.querySelector('[data-exercise-check]');
    const status = item.querySelector('[data-exercise-status]');
    const feedback = item.querySelector('[data-exercise-feedback]');
    const answer = answerFor(id);
    if (answer.missing) {
      status.textContent = answer.missing;
      return;
    }
    button.disabled = true;
    status.textContent = 'Checking on a fresh copy of the data…';
    feedback.replaceChildren();
    try {
      const { ok, body } = await postJson(`${base}/${encodeURIComponent(id)}/check`, answer.body);
      if (!ok) {
        status.textContent = '';
        feedback.append(message('exercise-problem', body.error || 'The answer could not be checked.',
          body.limit ? `limit: ${body.limit}` : null));
        return;
      }
      status.textContent = body.correct ? '' : 'Not yet.';
      feedback.append(...body.feedback.map(renderFeedback));
      workspace.addAttempt(id, body.attempt);
      // on a phone the task sits above the editor: bring the verdict into view
      feedback.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
      if (body.correct) {
        progress.update(lessonId, (record) => {
          record.exercises = record.exercises || {};
          if (!record.exercises[id]) record.exercises[id] = { solvedAt: progress.now() };
        });
        showSolved();
        if (!offer.hidden) item.append(offer); // beside the answer that completed the set
        if (body.solution) showSolution(item, body);
      }
    } catch (e) {
      status.textContent = 'Could not reach the lab. Check your connection and try again.';
    } finally {
      button.disabled = false;
    }
  }

  async function hint(item, id, button) {
    button.disabled = true;
    const { ok, body } = await postJson(`${base}/${encodeURIComponent(id)}/hint`);
    if (ok) {
      showHint(item, body.hintHtml, body.number, body.total);
    } else {
      item.querySelector('[data-exercise-status]').textContent = body.error;
      button.disabled = false;
    }
  }

  function showHint(item, html, number, total) {
    const list = item.querySelector('[data-exercise-hints]');
    if (list.querySelector(`[data-hint="${number}"]`)) return;
    const entry = document.createElement('div');
    entry.className = 'exercise-hint';
    entry.dataset.hint = number;
    const label = el('p', 'exercise-hint-label', `Hint ${number} of ${total}`);
    const body = document.createElement('div');
    body.innerHTML = html; // rendered by the server from our own content files, HTML escaped
    entry.append(label, body);
    list.append(entry);
    const button = item.querySelector('[data-exercise-hint]');
    if (button) {
      const left = total - list.children.length;
      button.textContent = left > 0 ? `Another hint (${left} left)` : 'No more hints';
      button.disabled = left <= 0;
    }
  }

  // After solving: the reference solution, why it works (the author's Markdown, rendered and
  // escaped by the server) and other correct ways to write it.
  function showSolution(item, solved) {
    const host = item.querySelector('[data-exercise-solution]');
    if (host.childElementCount) return;
    const details = document.createElement('details');
    details.className = 'exercise-solution';
    details.append(el('summary', null, 'Compare with a reference solution'),
      el('p', 'muted', 'Yours is right too; this is one other way to write it.'),
      el('pre', null, el('code', 'language-sql', asText(solved.solution))));
    if (solved.explanationHtml) {
      const explanation = el('div', 'exercise-explanation prose');
      explanation.innerHTML = solved.explanationHtml;
      details.append(el('p', 'exercise-solution-label', 'Why it works'), explanation);
    }
    const alternatives = solved.alternatives || [];
    if (alternatives.length) {
      details.append(el('p', 'exercise-solution-label',
        alternatives.length === 1 ? 'Another correct solution' : 'Other correct solutions'));
      alternatives.forEach((sql) => details.append(el('pre', null, el('code', 'language-sql', asText(sql)))));
    }
    host.append(details);
  }
}

// a timeline's solution and alternatives are lists: one SQL text per step the learner writes
function asText(solution) {
  return (Array.isArray(solution) ? solution.join('\n\n') : String(solution)).trim();
}

function renderFeedback(item) {
  const box = el('div', `exercise-feedback-item feedback-${item.kind}`);
  box.append(el('p', null, item.message));
  if (item.examples && item.examples.length) {
    const table = el('table', 'lab-table');
    const head = document.createElement('tr');
    (item.columns || []).forEach((name) => head.append(el('th', null, name)));
    table.append(el('thead', null, head));
    const body = document.createElement('tbody');
    for (const row of item.examples) {
      const tr = document.createElement('tr');
      row.forEach((value) => tr.append(value === null ? el('td', 'null') : el('td', null, value)));
      body.append(tr);
    }
    table.append(body);
    const wrap = el('div', 'lab-table-wrap', table);
    box.append(wrap);
  }
  return box;
}

function message(className, text, detail) {
  const box = el('div', className);
  box.setAttribute('role', 'alert');
  box.append(el('p', null, text));
  if (detail) box.append(el('p', 'muted', detail));
  return box;
}
