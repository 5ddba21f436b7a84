// A timeline exercise's steps as a numbered list in two lanes, session A and session B: the given
// steps as code, the learner's ("yours") as small editors with the author's prompt in them while they
// are empty, each step with what it should do (wait, fail with 40001 …) and a button that runs it in
// its session of the lab. The steps are the exercise's draft: a JSON array of the yours-steps' text,
// kept by workspace.js like any draft.
import { el } from './dom.js';

const SESSION_NAMES = { a: 'A', b: 'B' };
const SQLSTATES = {
  '40001': 'a serialization failure',
  '40P01': 'a deadlock',
  '55P03': 'a lock not available',
  '23505': 'a unique violation',
  '57014': 'a cancelled statement',
};

/** What a step should do, in words: "should wait for a lock, then complete". */
export function expectationInWords(expect, then) {
  if (!expect) return null;
  const words = (what) => {
    if (what === 'completes') return 'complete';
    if (what === 'waits') return 'wait for a lock';
    const failure = /^fails\s+(\S+)$/.exec(what);
    if (failure) {
      const name = SQLSTATES[failure[1]];
      return `fail with ${failure[1]}${name ? ` (${name})` : ''}`;
    }
    return what;
  };
  return `Should ${words(expect)}${then ? `, then ${words(then)}` : ''}.`;
}

/** The header a step has in an attempt's text: "-- step 2 (A)". */
export function stepHeader(step) {
  return `-- step ${step.number} (${SESSION_NAMES[step.session] || step.session})`;
}

/**
 * Reads a draft or an attempt: a JSON array of the yours-steps' text, or text with a header per step
 * ("-- step 2 (A)"), as attempts show it. Returns one text per yours step, '' where there is none.
 */
export function parseSteps(text, yours) {
  const empty = yours.map(() => '');
  if (!text || !text.trim()) return empty;
  try {
    const list = JSON.parse(text);
    if (Array.isArray(list)) return yours.map((_, i) => (typeof list[i] === 'string' ? list[i] : ''));
  } catch (e) {
    // not JSON: text with step headers
  }
  const byNumber = new Map();
  const parts = text.split(/^-- step (\d+) \([AB]\)[ \t]*$/m);
  for (let i = 1; i < parts.length; i += 2) byNumber.set(Number(parts[i]), parts[i + 1].replace(/^\n/, '').replace(/\s+$/, ''));
  if (byNumber.size === 0) return [text.trim(), ...empty.slice(1)];
  return yours.map((step) => byNumber.get(step.number) || '');
}

/** The learner's steps as one text, each under its header ("-- step 2 (A)"). */
export function formatSteps(texts, yours) {
  return yours.map((step, i) => `${stepHeader(step)}\n${(texts[i] || '').trim()}`).join('\n');
}

/**
 * @param exercise the API's view of the exercise, with its timeline
 * @param actions  { run(session, sql), edited() }
 * @returns        { element, get(), set(text), focus(), reveal(), display(text), steps() }: an editor for workspace.js
 */
export function renderTimeline(exercise, actions) {
  const steps = exercise.timeline;
  const yours = steps.filter((step) => step.yours);
  const fields = [];
  const element = el('section', 'timeline');
  element.setAttribute('aria-label', `Timeline of “${exercise.title}”`);
  const lanes = el('div', 'timeline-lanes');
  lanes.setAttribute('aria-hidden', 'true');
  lanes.append(el('span'), el('span', 'timeline-lane-name', 'Session A'), el('span', 'timeline-lane-name', 'Session B'));
  element.append(el('p', 'timeline-help muted', 'Steps run in this order, in session A or B. Write the steps marked “yours”; '
    + '“Run in A/B” tries one in the lab, Check replays them all on a fresh copy of the data.'), lanes);
  const list = el('ol', 'timeline-steps');
  for (const step of steps) {
    const name = SESSION_NAMES[step.session] || step.session;
    const item = el('li', `timeline-step timeline-${step.session}${step.yours ? ' timeline-yours' : ''}`);
    item.dataset.step = step.number;
    item.append(el('span', 'timeline-number', String(step.number)));
    const body = el('div', 'timeline-body');
    const head = el('p', 'timeline-head');
    head.append(el('span', 'timeline-session', `Session ${name}`));
    if (step.yours) head.append(el('span', 'timeline-yours-label', 'yours'));
    body.append(head);
    let field = null;
    if (step.yours) {
      field = el('textarea', 'timeline-input');
      field.rows = 2;
      field.spellcheck = false;
      field.placeholder = step.prompt || 'Write this step\'s SQL.';
      field.setAttribute('aria-label', `Step ${step.number}, session ${name}: your SQL${step.prompt ? `. ${step.prompt}` : ''}`);
      field.addEventListener('input', () => {
        grow(field);
        actions.edited();
      });
      field.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          runStep();
        }
      });
      fields.push(field);
      body.append(field);
    } else {
      body.append(el('pre', 'timeline-sql', el('code', 'language-sql', step.sql || '')));
    }
    const words = expectationInWords(step.expect, step.then);
    if (words) body.append(el('p', 'timeline-expect', words));
    const runButton = el('button', 'button button-quiet timeline-run', `Run in ${name}`);
    runButton.type = 'button';
    runButton.setAttribute('aria-label', `Run step ${step.number} in session ${name}`);
    function runStep() {
      const sql = field ? field.value : step.sql;
      if (sql && sql.trim()) actions.run(step.session, sql);
    }
    runButton.addEventListener('click', runStep);
    body.append(runButton);
    item.append(body);
    list.append(item);
  }
  element.append(list);

  const texts = () => fields.map((field) => field.value);
  return {
    element,
    get: () => JSON.stringify(texts()),
    set(text) {
      parseSteps(text, yours).forEach((value, i) => {
        fields[i].value = value;
        grow(fields[i]);
      });
    },
    focus: () => { if (fields[0]) fields[0].focus(); },
    reveal: () => {
      const first = fields.find((field) => !field.value.trim()) || fields[0];
      if (!first) return;
      first.scrollIntoView({ behavior: 'smooth', block: 'center' });
      first.focus({ preventScroll: true });
    },
    display: (text) => formatSteps(parseSteps(text, yours), yours),
    steps: texts,
  };
}

// a step's editor grows with its text, up to a dozen lines
function grow(field) {
  const lines = field.value.split('\n').length;
  field.rows = Math.min(12, Math.max(2, lines));
}
