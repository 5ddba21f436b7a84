// The lesson page's interactive parts: code highlighting and copy buttons, progress kept in this
// browser (opened, complete, confidence, cards), and quiz answers checked by the server.
import * as store from './progress-store.js';
import { postJson } from './api.js';
import { labelRatingButtons } from './card-intervals.js';
import pgsql from '/webjars/highlight.js/es/languages/pgsql.js';
import python from '/webjars/highlight.js/es/languages/python.js';
import bash from '/webjars/highlight.js/es/languages/bash.js';

const article = document.querySelector('article.lesson');
const lessonId = article.dataset.lessonId;

// What each part shows of the stored progress, drawn again when the account's progress arrives.
const renders = [];

setUpCode();
store.update(lessonId, (record) => { record.openedAt = record.openedAt || store.now(); });
showCompletedCount();
setUpMarkComplete();
setUpConfidence();
setUpQuiz();
setUpCards();
renders.push(showCompletedCount);
document.addEventListener('progress:synced', () => renders.forEach((render) => render()));
// another part of the page (the lab's exercises) changed this lesson's progress
document.addEventListener('progress:changed', () => renders.forEach((render) => render()));

function setUpCode() {
  const hljs = window.module && window.module.exports;
  if (hljs && hljs.registerLanguage) {
    hljs.registerLanguage('sql', pgsql);
    hljs.registerLanguage('python', python);
    hljs.registerLanguage('bash', bash);
    hljs.registerAliases(['shell', 'sh', 'console'], { languageName: 'bash' });
    hljs.configure({ ignoreUnescapedHTML: true });
  }
  for (const code of article.querySelectorAll('pre > code')) {
    const language = [...code.classList].find((c) => c.startsWith('language-'));
    if (hljs && language && hljs.getLanguage(language.slice(9))) {
      hljs.highlightElement(code);
    }
    const pre = code.parentElement;
    const wrapper = document.createElement('div');
    wrapper.className = 'code-block';
    pre.replaceWith(wrapper);
    wrapper.append(pre);
    // the buttons share a toolbar: beside the code on a wide screen, in a row above it on a phone
    const tools = document.createElement('div');
    tools.className = 'code-tools';
    // a block meant for the learner's own server (data-sql="outside-lab") would only fail in the lab
    if (language === 'language-sql' && pre.dataset.sql !== 'outside-lab' && document.querySelector('[data-lab]')) {
      const tryIt = document.createElement('button');
      tryIt.type = 'button';
      tryIt.className = 'copy-button try-button';
      tryIt.textContent = 'Try in lab';
      tryIt.addEventListener('click', () => {
        document.dispatchEvent(new CustomEvent('lab:load', { detail: code.textContent }));
      });
      tools.append(tryIt);
    }
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'copy-button';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', 'Copy code to clipboard');
    copy.addEventListener('click', async () => {
      const ok = await copyText(code.textContent);
      copy.textContent = ok ? 'Copied' : 'Press Ctrl+C';
      setTimeout(() => { copy.textContent = 'Copy'; }, 2000);
    });
    tools.append(copy);
    wrapper.prepend(tools);
  }
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    return false;
  }
}

function trackLessonIds() {
  return [...document.querySelectorAll('.jump-lessons li[data-lesson-id]')].map((li) => li.dataset.lessonId);
}

function showCompletedCount() {
  const done = store.completedCount(trackLessonIds());
  document.querySelector('[data-completed-count]').textContent = done;
  document.querySelector('[data-completed-bar]').value = done;
}

function setUpMarkComplete() {
  const button = article.querySelector('[data-mark-complete]');
  const render = () => {
    const done = Boolean(store.lesson(lessonId).completedAt);
    button.setAttribute('aria-pressed', String(done));
    button.textContent = done ? '✓ Completed — mark as not complete' : 'Mark lesson complete';
    button.classList.toggle('button-done', done);
  };
  button.addEventListener('click', () => {
    store.update(lessonId, (record) => {
      if (record.completedAt) {
        record.completedAt = null;
        record.uncompletedAt = store.now();
      } else {
        record.completedAt = store.now();
        delete record.uncompletedAt;
      }
    });
    render();
    showCompletedCount();
    document.dispatchEvent(new CustomEvent('progress:changed'));
  });
  render();
  renders.push(render);
}

function setUpConfidence() {
  const form = article.querySelector('[data-confidence-form]');
  const status = form.querySelector('[data-confidence-status]');
  const render = () => {
    const confidence = store.lesson(lessonId).confidence;
    if (!confidence) return;
    const input = form.querySelector(`input[value="${confidence.value}"]`);
    if (input) input.checked = true;
    const where = !store.signedInAs() ? 'Saved on this device'
      : store.hasUnsyncedChanges() ? 'Saved on this device, syncing to your account…' : 'Saved to your account, on every device';
    status.textContent = `${where} · ${store.formatTime(confidence.savedAt)} (rated ${confidence.value}/5)`;
  };
  renders.push(render);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector('input[name="confidence"]:checked');
    if (!chosen) {
      status.textContent = 'Choose a rating from 1 to 5 first.';
      return;
    }
    const saved = store.update(lessonId, (record) => {
      record.confidence = { value: Number(chosen.value), savedAt: store.now() };
    });
    if (saved) {
      render();
    } else {
      status.textContent = 'Not saved: this browser blocks local storage.';
    }
  });
  render();
}

function setUpQuiz() {
  for (const form of article.querySelectorAll('form.quiz-question')) {
    const questionId = form.dataset.questionId;
    const feedback = form.querySelector('.quiz-feedback');
    const retry = form.querySelector('.quiz-retry');
    const check = form.querySelector('button[type="submit"]');
    const labelOf = (choiceId) => form.querySelector(`input[value="${CSS.escape(choiceId)}"]`)?.closest('label');
    const explanationBlock = (html, heading) => {
      const block = document.createElement('div');
      block.className = 'quiz-explanation';
      if (heading) {
        const title = document.createElement('p');
        title.className = 'quiz-explanation-title';
        title.textContent = heading;
        block.append(title);
      }
      const body = document.createElement('div');
      // server-rendered from our own reviewed content, escaped by the Markdown renderer
      body.innerHTML = html;
      block.append(body);
      return block;
    };
    const showVerdict = (verdict) => {
      form.classList.toggle('quiz-right', verdict.correct);
      form.classList.toggle('quiz-wrong', !verdict.correct);
      feedback.innerHTML = '';
      const title = document.createElement('p');
      title.className = 'quiz-verdict';
      title.textContent = verdict.correct ? '✓ Correct.' : '✗ Not quite.';
      feedback.append(title);
      labelOf(verdict.choice)?.classList.add(verdict.correct ? 'quiz-choice-right' : 'quiz-choice-wrong');
      if (verdict.explanationHtml) {
        feedback.append(explanationBlock(verdict.explanationHtml, verdict.correct ? null : 'Your answer'));
      }
      if (!verdict.correct && verdict.rightChoice) {
        const right = labelOf(verdict.rightChoice);
        right?.classList.add('quiz-choice-right');
        const heading = right ? `The right answer: ${right.textContent.trim()}` : 'The right answer';
        feedback.append(explanationBlock(verdict.rightExplanationHtml || '', heading));
      }
      retry.hidden = verdict.correct;
      for (const input of form.querySelectorAll('input')) input.disabled = true;
      check.hidden = true;
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = form.querySelector('input[name="choice"]:checked');
      if (!chosen) {
        feedback.textContent = 'Pick an answer first.';
        return;
      }
      check.disabled = true;
      try {
        const { ok, body } = await postJson(form.dataset.checkUrl, { choice: chosen.value });
        if (!ok) {
          feedback.textContent = body.error || 'That answer could not be checked.';
          return;
        }
        store.update(lessonId, (record) => {
          record.quiz = record.quiz || {};
          record.quiz[questionId] = { choice: chosen.value, correct: body.correct, answeredAt: store.now() };
        });
        document.dispatchEvent(new CustomEvent('progress:changed'));
        showVerdict(body);
      } catch (e) {
        feedback.textContent = 'Could not reach the server to check your answer. Try again in a moment.';
      } finally {
        check.disabled = false;
      }
    });
    retry.addEventListener('click', () => {
      for (const input of form.querySelectorAll('input')) {
        input.disabled = false;
        input.checked = false;
      }
      form.classList.remove('quiz-right', 'quiz-wrong');
      for (const label of form.querySelectorAll('label')) label.classList.remove('quiz-choice-right', 'quiz-choice-wrong');
      feedback.textContent = '';
      retry.hidden = true;
      check.hidden = false;
      form.querySelector('input').focus();
    });
    const showPrevious = () => {
      const previous = (store.lesson(lessonId).quiz || {})[questionId];
      if (previous && previous.correct && !form.classList.contains('quiz-wrong')) {
        const input = form.querySelector(`input[value="${CSS.escape(previous.choice)}"]`);
        if (input) {
          input.checked = true;
          feedback.textContent = `✓ You answered this correctly on ${store.formatTime(previous.answeredAt)}.`;
          form.classList.add('quiz-right');
        }
      }
    };
    showPrevious();
    renders.push(showPrevious);
  }
}

function setUpCards() {
  for (const card of article.querySelectorAll('li.flashcard')) {
    const cardId = card.dataset.cardId;
    const flip = card.querySelector('.card-flip');
    const back = card.querySelector('.card-back');
    const status = card.querySelector('.card-status');
    flip.addEventListener('click', () => {
      const showing = back.hidden;
      back.hidden = !showing;
      flip.setAttribute('aria-expanded', String(showing));
      flip.textContent = showing ? 'Hide answer' : 'Show answer';
      card.classList.toggle('flipped', showing);
      if (showing) {
        store.update(lessonId, (record) => {
          record.cards = record.cards || {};
          record.cards[cardId] = { ...(record.cards[cardId] || {}), flippedAt: store.now() };
        });
        labelRatingButtons(card, lessonId, cardId);
      }
    });
    for (const button of card.querySelectorAll('[data-rating]')) {
      button.addEventListener('click', () => {
        store.update(lessonId, (record) => {
          record.cards = record.cards || {};
          const previous = record.cards[cardId] || {};
          const review = { rating: button.dataset.rating, ratedAt: store.now() };
          record.cards[cardId] = { ...previous, ...review, reviews: [...(previous.reviews || []), review] };
        });
        renderRating();
        labelRatingButtons(card, lessonId, cardId);
      });
    }
    const renderRating = () => {
      const saved = ((store.lesson(lessonId).cards || {})[cardId]) || {};
      for (const button of card.querySelectorAll('[data-rating]')) {
        button.setAttribute('aria-pressed', String(button.dataset.rating === saved.rating));
      }
      status.textContent = saved.rating ? `Rated “${saved.rating}”` : '';
    };
    renderRating();
    renders.push(renderRating);
  }
}
