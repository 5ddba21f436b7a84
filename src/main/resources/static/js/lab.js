// The SQL lab as a workspace: tabs for the free lab and each exercise (each with its own draft,
// workspace.js; a timeline exercise's steps in timeline.js), one session or two (A and B, each with
// its editor, results and a badge with its state; a statement waiting for a lock is followed by
// polling the sessions until it is released; the learner's locks in a panel below them), a CodeMirror editor with PostgreSQL highlighting and completion of the sandbox's own
// tables and columns, runs against the learner's own sandbox with results laid out like psql (tables,
// command tags, notices, errors with their position marked, EXPLAIN as text and as a tree) in a pane
// the learner can make taller, the sandbox's tables as a diagram, reset and connection details.
import { Annotation, Compartment, EditorState, StateEffect, StateField } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, Decoration, drawSelection, placeholder } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting, bracketMatching, syntaxTree } from '@codemirror/language';
import { autocompletion } from '@codemirror/autocomplete'; // with its own keymap: Ctrl+Space, arrows, Enter, Escape
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { classHighlighter } from '@lezer/highlight';
import { postJson, getJson } from './api.js';
import { renderPlanTree } from './plan-tree.js';
import { setUpExercises } from './exercises.js';
import { setUpWorkspace } from './workspace.js';
import { renderSchemaDiagram } from './schema-diagram.js';
import { renderTimeline } from './timeline.js';
import { SESSION_NAMES, badge, holder, holderShort, seconds, renderLocks } from './lab-sessions.js';
import * as local from './workspace-store.js';
import { signedInAs } from './progress-store.js';
import { el } from './dom.js';

// a text the page put in an editor (switching tabs, a draft from the account) is not the learner's edit
const replaced = Annotation.define();
const setError = StateEffect.define();
const errorMark = Decoration.mark({ class: 'cm-error-mark', attributes: { title: 'The error is here' } });
const errorField = StateField.define({
  create: () => Decoration.none,
  update(marks, transaction) {
    marks = marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setError)) marks = effect.value;
    }
    return transaction.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});
// how often the page asks for the sessions' news while one of them waits or runs
const POLL_MS = 500;

const lab = document.querySelector('[data-lab]');
if (lab) {
  setUpLab(lab);
}

function setUpLab(root) {
  const base = root.dataset.labApi;
  const lessonId = root.dataset.lessonId;
  const checkButton = root.querySelector('[data-lab-check]');
  const twoSwitch = root.querySelector('[data-lab-two]');
  const locks = root.querySelector('[data-lab-locks]');
  const timelineHost = root.querySelector('[data-timeline-host]');
  // the SQL language of every editor is configured again whenever the sandbox's tables change, for completion
  const editors = [];
  let tables = [];
  let workspace = null;
  let two = false;
  let pollTimer = 0;
  let polling = false; // a look at the sessions is under way
  let pollAgain = false;
  // a reset gives the sandbox a new user and password: the panel says so the next time it shows them
  let credentialsReplaced = false;
  let clockTimer = 0;
  const timelines = new Map(); // exercise id -> its timeline (timeline.js)

  // Session A is the lab's editor (holding the selected tab's draft); session B has one of its own,
  // kept in this browser. In one-session mode only A shows and runs go without a session.
  const sessions = {
    a: sessionPane('a', root.querySelector('[data-lab-run]'), root.querySelector('[data-lab-output]'),
      root.querySelector('[data-lab-status]'), 'Write SQL here; Ctrl+Enter runs it.'),
    b: sessionPane('b', root.querySelector('[data-lab-run-b]'), root.querySelector('[data-lab-output-b]'),
      root.querySelector('[data-lab-status-b]'), 'Session B: write SQL here; Ctrl+Enter runs it in B.'),
  };
  const view = sessions.a.view;
  const editor = {
    get: () => view.state.doc.toString(),
    set: (text) => setText(view, text),
    focus: () => view.focus(),
    // the editor itself, not the panel's top, centred and focused (CodeMirror focuses without scrolling)
    reveal: () => {
      view.dom.scrollIntoView({ behavior: 'smooth', block: 'center' });
      view.focus();
    },
  };
  workspace = setUpWorkspace(root, editor);
  setText(sessions.b.view, local.lesson(lessonId, signedInAs()).sessionB || '');

  checkButton.addEventListener('click', () => {
    const panel = document.getElementById(`exercise-${workspace.current()}`);
    if (panel) panel.querySelector('[data-exercise-check]').click();
  });
  const showSlot = (slot) => {
    checkButton.hidden = slot === 'free';
    const tab = root.querySelector(`[data-slot="${CSS.escape(slot)}"] .workspace-tab-title`);
    const text = tab ? `Write your answer to “${tab.textContent}” here, then press Check.` : 'Write SQL here; Ctrl+Enter runs it.';
    view.dispatch({ effects: sessions.a.emptyText.reconfigure(placeholder(text)) });
    showTimeline(slot);
  };
  workspace.onSelect(showSlot);
  showSlot(workspace.current());
  document.addEventListener('lab:load', (event) => workspace.loadIntoFree(event.detail));
  root.querySelector('[data-lab-reset]').addEventListener('click', reset);
  const connect = root.querySelector('[data-lab-connect]');
  if (connect) connect.addEventListener('toggle', () => { if (connect.open) showConnection(connect); });
  locks.addEventListener('toggle', () => { if (locks.open) refreshLocks(); });
  twoSwitch.addEventListener('change', () => setTwo(twoSwitch.checked, { remember: true }));
  // a lesson about concurrency opens with both sessions; the learner's own choice wins after that
  const remembered = local.lesson(lessonId, signedInAs()).sessions;
  setTwo((remembered || Number(root.dataset.labSessions)) === 2, { remember: false });
  refreshSchema();
  setUpExercises(root, workspace, answerFor, addTimeline);

  function sessionPane(name, runButton, output, status, emptyText) {
    const box = root.querySelector(`.lab-session[data-session="${name}"]`);
    const host = box.querySelector('[data-session-editor]');
    host.textContent = '';
    const empty = new Compartment();
    const language = new Compartment();
    const pane = {
      name, box, runButton, output, status, emptyText: empty, language,
      head: box.querySelector('[data-session-head]'),
      badge: badge(box.querySelector('[data-session-badge]')),
      state: null, // the session as the server last described it
      shown: 0, // results shown since the run began (the next one's number)
      waiting: null, // the waiting line of a statement still waiting
    };
    let keepTimer = 0;
    pane.view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: '',
        extensions: [
          lineNumbers(), history(), drawSelection(), highlightActiveLine(), bracketMatching(), EditorView.lineWrapping,
          language.of(sqlFor([])),
          syntaxHighlighting(classHighlighter), // tok-* classes, coloured in site.css for light and dark
          autocompletion({ activateOnTyping: true, icons: false }),
          empty.of(placeholder(emptyText)),
          keymap.of([
            { key: 'Mod-Enter', run: () => { run(pane); return true; } },
            indentWithTab, ...defaultKeymap, ...historyKeymap,
          ]),
          errorField,
          EditorView.updateListener.of((update) => {
            if (!update.docChanged || update.transactions.some((t) => t.annotation(replaced))) return;
            if (name === 'a') {
              if (workspace) workspace.edited();
            } else {
              clearTimeout(keepTimer);
              keepTimer = setTimeout(() => local.update(lessonId, (r) => { r.sessionB = pane.view.state.doc.toString(); }), 300);
            }
          }),
          EditorView.contentAttributes.of({
            'aria-label': `${name === 'a' ? 'SQL editor' : 'Session B\'s SQL editor'}. Press Control+Enter or Command+Enter to run, Control+Space to complete a name.`,
          }),
        ],
      }),
    });
    editors.push(pane);
    runButton.addEventListener('click', () => run(pane));
    makeResizable(output);
    return pane;
  }

  function setText(target, text) {
    target.dispatch({
      changes: { from: 0, to: target.state.doc.length, insert: text },
      annotations: replaced.of(true),
      effects: setError.of(Decoration.none),
    });
  }

  // One session or two: B, the badges and the lock panel show only with two.
  function setTwo(on, { remember }) {
    two = on;
    twoSwitch.checked = on;
    root.classList.toggle('lab-two', on);
    sessions.b.box.hidden = !on;
    sessions.a.head.hidden = !on;
    locks.hidden = !on;
    root.querySelector('[data-lab-two-help]').hidden = !on;
    sessions.a.runButton.textContent = on ? 'Run in A' : 'Run';
    sessions.a.box.setAttribute('aria-label', on ? 'Session A' : 'SQL editor and results');
    if (remember) local.update(lessonId, (r) => { r.sessions = on ? 2 : 1; });
    if (on) {
      poll();
    } else {
      const open = Object.values(sessions).filter((pane) => pane.state && pane.state.state !== 'idle' && pane.state.state !== 'closed');
      if (open.length) {
        sessions.a.status.textContent = `Session ${open.map((pane) => SESSION_NAMES[pane.name]).join(' and ')} stays as it was `
          + '(an open transaction too) until the lab\'s time limit ends it or you reset the sandbox; switch back to see it.';
      }
      clearTimeout(pollTimer);
      pollTimer = 0;
      clearInterval(clockTimer);
      clockTimer = 0;
    }
  }

  // Runs a session's editor, or another script (\d from the diagram, a timeline's step) without
  // touching the editor.
  async function run(pane, script) {
    if (pane.runButton.disabled) return;
    const fromEditor = script === undefined;
    const { output, status, view: source } = pane;
    pane.runButton.disabled = true;
    status.textContent = 'Running…';
    if (fromEditor) source.dispatch({ effects: setError.of(Decoration.none) });
    const text = fromEditor ? source.state.doc.toString() : script;
    try {
      const request = two ? { sql: text, session: pane.name } : { sql: text };
      const { ok, status: code, body } = await postJson(`${base}/run`, request);
      if (!ok && code === 409 && two) {
        // the session is still busy: its results so far stay where they are
        status.textContent = body.message || body.error;
        return;
      }
      output.replaceChildren();
      pane.shown = 0;
      pane.waiting = null;
      if (!ok) {
        output.append(problem(body));
        status.textContent = 'Not run.';
        return;
      }
      body.messages.forEach((message) => output.append(el('p', 'lab-message', message)));
      body.results.forEach((result) => show(pane, result));
      if (body.results.length === 0) output.append(el('p', 'muted', 'Nothing to run: type a statement first.'));
      const failed = body.results.filter((r) => r.kind === 'error').length;
      const done = body.results.filter((r) => r.kind !== 'waiting').length;
      status.textContent = pane.waiting
        ? `${done} statement(s) run; one is waiting${failed ? `, ${failed} failed` : ''}.`
        : `${done} statement(s) run${failed ? `, ${failed} failed` : ''}.`;
      if (fromEditor) markFirstError(source, body.results);
      output.scrollTop = 0;
      refreshSchema();
      if (two) {
        const state = body.state || (pane.state && { ...pane.state });
        if (state && pane.waiting && state.state !== 'waiting') {
          state.state = 'waiting';
          state.blockedBy = pane.waiting.blockedBy;
        }
        if (state) update(pane, { ...state, name: pane.name });
        // what this run changed may have released the other session: ask at once
        poll();
        refreshLocks();
      }
    } catch (e) {
      status.textContent = 'Could not reach the lab. Check your connection and try again.';
    } finally {
      pane.runButton.disabled = false;
    }
  }

  // A result in a session's pane, numbered after those shown since the run began.
  function show(pane, result) {
    if (result.kind === 'waiting') {
      pane.output.append(waitingLine(pane, result));
      return;
    }
    if (pane.waiting) settleWaiting(pane);
    pane.output.append(renderResult(result, pane.shown));
    pane.shown += 1;
  }

  function waitingLine(pane, result) {
    const box = el('div', 'lab-waiting');
    box.setAttribute('role', 'status');
    const text = el('p', 'lab-waiting-text', `Waiting for a lock held by ${holder(result.blockedBy)}…`);
    const cancel = el('button', 'button button-quiet', 'Cancel');
    cancel.type = 'button';
    cancel.setAttribute('aria-label', `Cancel session ${SESSION_NAMES[pane.name]}'s waiting statement`);
    cancel.addEventListener('click', async () => {
      cancel.disabled = true;
      const { ok, body } = await postJson(`${base}/sessions/${pane.name}/cancel`);
      pane.status.textContent = ok ? body.message : (body.message || body.error);
      poll();
    });
    box.append(text, cancel);
    pane.waiting = { box, text, blockedBy: result.blockedBy, since: Date.now() };
    return box;
  }

  // The statement waits no more: its line stays, as a record of the wait.
  function settleWaiting(pane) {
    const { box, text, blockedBy, since } = pane.waiting;
    box.classList.add('lab-waited');
    box.removeAttribute('role');
    text.textContent = `Waited ${seconds(Date.now() - since)} for a lock held by ${holder(blockedBy)}.`;
    const cancel = box.querySelector('button');
    if (cancel) cancel.remove();
    pane.waiting = null;
  }

  // What the sessions did since the last look: their results and messages, their state. Keeps
  // looking every half second while one of them waits or runs, and stops when none does.
  async function poll() {
    clearTimeout(pollTimer);
    pollTimer = 0;
    if (!two) return;
    if (polling) { // one look at a time; a run that asked meanwhile gets the next one
      pollAgain = true;
      return;
    }
    polling = true;
    let delay = 0;
    try {
      delay = await lookAtSessions();
    } catch (e) {
      delay = POLL_MS * 4;
    } finally {
      polling = false;
    }
    if (pollAgain) {
      pollAgain = false;
      poll();
    } else if (delay && two) {
      pollTimer = setTimeout(poll, delay);
    }
  }

  // returns when to look again: never (0) once no session waits or runs
  async function lookAtSessions() {
    const { ok, status, body } = await getJson(`${base}/sessions`);
    if (!ok) return status >= 500 ? POLL_MS * 4 : 0; // a server restarting is asked again; a refusal is not
    if (!two) return 0;
    let changed = false;
    for (const state of body.sessions || []) {
      const pane = sessions[state.name];
      if (!pane) continue;
      const pending = state.pending || [];
      const messages = state.messages || [];
      if (pending.length || messages.length) {
        changed = true;
        const emptyNote = pane.output.querySelector('.lab-output-empty');
        if (emptyNote) emptyNote.remove();
      }
      messages.forEach((message) => pane.output.append(el('p', 'lab-message', message)));
      pending.forEach((result) => show(pane, result));
      if (pending.length) {
        pane.status.textContent = `Session ${SESSION_NAMES[pane.name]} went on: ${pending.length} more result(s) below.`;
        pane.output.scrollTop = pane.output.scrollHeight; // the pane, not the page
      }
      if (!pane.state || pane.state.state !== state.state || pane.state.transactionStart !== state.transactionStart) changed = true;
      if (pane.waiting && state.state !== 'waiting' && state.state !== 'running') settleWaiting(pane);
      update(pane, state);
    }
    if (changed) {
      refreshLocks();
      refreshSchema();
    }
    const busy = Object.values(sessions).some((pane) => pane.state && (pane.state.state === 'waiting' || pane.state.state === 'running'));
    return busy ? POLL_MS : 0;
  }

  // A session's badge: its state in words, its isolation level and how long its transaction is open.
  function update(pane, state) {
    pane.state = state;
    const words = state.state === 'waiting' ? `waiting for ${state.blockedBy ? holderShort(state.blockedBy) : 'a lock'}` : state.state;
    pane.badge.state.textContent = words;
    pane.badge.root.dataset.state = state.state.replace(/ /g, '-');
    tick();
    const open = Object.values(sessions).some((p) => p.state && p.state.transactionStart);
    if (open && !clockTimer) clockTimer = setInterval(tick, 1000);
    if (!open && clockTimer) {
      clearInterval(clockTimer);
      clockTimer = 0;
    }
  }

  function tick() {
    for (const pane of Object.values(sessions)) {
      const state = pane.state;
      if (!state) continue;
      const parts = [];
      if (state.isolationLevel) parts.push(state.isolationLevel);
      if (state.transactionStart) {
        parts.push(`transaction open ${seconds(Math.max(0, Date.now() - Date.parse(state.transactionStart)))}`);
      }
      pane.badge.detail.textContent = parts.length ? ` · ${parts.join(' · ')}` : '';
    }
  }

  // The lock and activity panel, while it is open: the learner's own backends and their locks.
  async function refreshLocks() {
    if (!two || !locks.open) return;
    const box = locks.querySelector('[data-lab-locks-body]');
    const { ok, body } = await getJson(`${base}/locks`);
    if (!ok) {
      box.replaceChildren(el('p', 'muted', body.error || body.message));
      return;
    }
    box.replaceChildren(...renderLocks(body));
  }

  // Timeline exercises: their steps replace the editors while their tab is selected; each step can
  // run in its session here, and Check sends the learner's steps.
  function addTimeline(exercise) {
    const timeline = renderTimeline(exercise, {
      run: (session, sql) => {
        if (!two) setTwo(true, { remember: false });
        run(sessions[session], sql);
      },
      edited: () => { if (workspace.current() === exercise.id) workspace.edited(); },
    });
    timelines.set(exercise.id, timeline);
    workspace.useEditor(exercise.id, timeline);
    if (workspace.current() === exercise.id) showTimeline(exercise.id);
  }

  function showTimeline(slot) {
    const timeline = timelines.get(slot);
    root.classList.toggle('lab-timeline', Boolean(timeline));
    timelineHost.hidden = !timeline;
    if (!timeline) {
      timelineHost.replaceChildren();
      return;
    }
    timelineHost.replaceChildren(timeline.element);
    if (!two) setTwo(true, { remember: false });
  }

  function answerFor(exerciseId) {
    const timeline = timelines.get(exerciseId);
    if (timeline) {
      const steps = timeline.steps();
      return steps.some((step) => !step.trim())
        ? { missing: 'Write every step marked “yours” first.' }
        : { body: { steps } };
    }
    const sql = view.state.doc.toString();
    return sql.trim() ? { body: { sql } } : { missing: 'Write your answer in the editor first.' };
  }

  function markFirstError(target, results) {
    const error = results.find((r) => r.kind === 'error' && r.position != null);
    if (!error) return;
    const doc = target.state.doc;
    const from = Math.min(error.position, doc.length);
    const word = doc.sliceString(from, Math.min(doc.length, from + 40)).match(/^[\w$"']+|^./);
    const to = Math.min(doc.length, from + (word ? word[0].length : 1));
    target.dispatch({
      effects: setError.of(Decoration.set(from < to ? [errorMark.range(from, to)] : [])),
      selection: { anchor: from },
      scrollIntoView: true,
    });
  }

  async function reset() {
    if (!confirm('Reset your sandbox to the lesson\'s original data? Your changes to its tables will be lost.')) return;
    const status = sessions.a.status;
    status.textContent = 'Resetting…';
    const { ok, body } = await postJson(`${base}/reset`);
    status.textContent = ok ? body.message : body.error;
    if (ok) {
      for (const pane of Object.values(sessions)) {
        pane.output.innerHTML = '';
        pane.waiting = null;
        if (pane !== sessions.a) pane.status.textContent = '';
      }
      refreshSchema();
      if (two) poll(); // reset closes both sessions
      refreshLocks();
      if (connect) {
        credentialsReplaced = true;
        if (connect.open) showConnection(connect);
      }
    }
  }

  // The diagram and the editors' completion both follow the sandbox's catalogs, after every run.
  async function refreshSchema() {
    const panel = root.querySelector('[data-lab-schema]');
    const { ok, body } = await getJson(`${base}/schema`);
    if (!ok) {
      panel.replaceChildren(el('p', 'muted', body.error));
      return;
    }
    tables = body;
    renderSchemaDiagram(panel, body, {
      onInsert: (name) => {
        const target = editors.find((pane) => pane.view.hasFocus) || sessions.a;
        target.view.dispatch(target.view.state.replaceSelection(name));
        target.view.focus();
      },
      onDescribe: (name) => run(sessions.a, `\\d ${name}`),
    });
    editors.forEach((pane) => pane.view.dispatch({ effects: pane.language.reconfigure(sqlFor(tables)) }));
  }

  async function showConnection(details) {
    const box = details.querySelector('[data-lab-connection]');
    const { ok, body } = await getJson(`${base}/connection`);
    box.innerHTML = '';
    if (!ok) {
      box.append(el('p', 'muted', body.error));
      return;
    }
    if (credentialsReplaced) {
      const notice = el('p', 'lab-connect-notice', 'Your sandbox was reset, so it has a new user and password: '
        + 'the old ones no longer work, and clients connected with them have been disconnected.');
      notice.setAttribute('role', 'status');
      box.append(notice);
      credentialsReplaced = false;
    }
    const list = el('dl', 'connection-list');
    for (const [label, value] of [['Host', body.host], ['Port', body.port], ['Database', body.database],
      ['User', body.user], ['Password', body.password]]) {
      list.append(el('dt', null, label), el('dd', null, String(value)));
    }
    box.append(list);
    if (body.serverOnly) {
      box.append(el('p', 'lab-connect-note', 'This lab\'s database accepts connections from the server it runs on only: '
        + 'these details work in a terminal on that server, not from your own computer.'));
    } else if (body.tls) {
      box.append(el('p', 'lab-connect-note', 'Connections are encrypted (TLS); the address below asks for it (sslmode=require).'));
    }
    box.append(el('p', null, 'From a terminal:'), el('pre', null, body.psql),
      el('p', null, 'From Python (psycopg 3):'),
      el('pre', null, `import psycopg\nconn = psycopg.connect("${body.uri}")`));
  }
}

// PostgreSQL's SQL with completion of the sandbox's tables and columns: lang-sql completes a table's
// columns after its name and a dot (or an alias's); a column name typed on its own (`select full_`,
// before any FROM) is offered from every table, each naming the tables that have it.
function sqlFor(tables) {
  return [
    sql({ dialect: PostgreSQL, schema: completionSchema(tables) }),
    PostgreSQL.language.data.of({ autocomplete: anyColumn(tables) }),
  ];
}

function anyColumn(tables) {
  const byName = new Map();
  for (const table of tables) {
    for (const column of table.columns) {
      const option = byName.get(column.name);
      if (option) option.detail += `, ${table.name}`;
      else byName.set(column.name, { label: column.name, type: 'property', detail: `column of ${table.name}`, boost: -1 });
    }
  }
  const options = [...byName.values()];
  return (context) => {
    const word = context.matchBefore(/[\w$]+/);
    if (!word || options.length === 0) return null;
    const before = context.state.sliceDoc(word.from - 1, word.from);
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (before === '.' || before === '"' || /String|Comment/.test(node.name)) return null;
    return { from: word.from, options, validFor: /^[\w$]*$/ };
  };
}

// lang-sql's schema: tables by name, a schema-qualified one ("cd.members") under its schema, each
// column with its type beside it in the completion list.
function completionSchema(tables) {
  const schema = {};
  for (const table of tables) {
    const columns = table.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type }));
    const dot = table.name.indexOf('.');
    if (dot > 0 && !table.name.startsWith('"')) {
      const space = table.name.slice(0, dot);
      schema[space] = schema[space] && !Array.isArray(schema[space]) ? schema[space] : {};
      schema[space][table.name.slice(dot + 1)] = columns;
    } else {
      schema[table.name] = columns;
    }
  }
  return schema;
}

// The results pane gets taller or shorter by dragging its grip (mouse or finger) or with the arrow keys on it.
function makeResizable(pane) {
  const grip = el('div', 'lab-output-grip');
  grip.setAttribute('role', 'separator');
  grip.setAttribute('aria-orientation', 'horizontal');
  grip.setAttribute('aria-label', 'Resize the results pane');
  grip.tabIndex = 0;
  pane.after(grip);
  const setHeight = (px) => { pane.style.height = `${Math.max(96, Math.round(px))}px`; };
  grip.addEventListener('pointerdown', (event) => {
    const startY = event.clientY;
    const startHeight = pane.getBoundingClientRect().height;
    grip.setPointerCapture(event.pointerId);
    const move = (e) => setHeight(startHeight + e.clientY - startY);
    const up = () => {
      grip.removeEventListener('pointermove', move);
      grip.removeEventListener('pointerup', up);
    };
    grip.addEventListener('pointermove', move);
    grip.addEventListener('pointerup', up);
  });
  grip.addEventListener('keydown', (event) => {
    const step = { ArrowDown: 40, ArrowUp: -40 }[event.key];
    if (!step) return;
    event.preventDefault();
    setHeight(pane.getBoundingClientRect().height + step);
  });
}

// \x and \timing apply statement by statement, as in psql: the server marks each result
// (source.timed, text for an expanded layout), so the settings at the end of the run do not matter.
function renderResult(result, index) {
  const box = el('section', `lab-result lab-${result.kind}`);
  box.setAttribute('aria-label', `Result of statement ${index + 1}`);
  const head = el('p', 'lab-result-head', `#${index + 1}`);
  if (result.source.timed) head.append(el('span', 'muted', ` · Time: ${result.source.durationMs.toFixed(3)} ms`));
  box.append(head);
  for (const notice of result.source.notices) {
    box.append(el('p', 'lab-notice', `${notice.severity}:  ${notice.message}`));
  }
  if (result.source.moreNotices > 0) {
    box.append(el('p', 'lab-notice', `… and ${result.source.moreNotices} more notices, not shown (the lab keeps the first ones of each run).`));
  }
  switch (result.kind) {
    case 'rows': box.append(...rows(result)); break;
    case 'command': box.append(el('pre', 'lab-tag', result.tag)); break;
    case 'meta': box.append(el('pre', result.failed ? 'lab-meta lab-meta-failed' : 'lab-meta', result.text)); break;
    case 'plan': box.append(plan(result)); break;
    case 'error': box.append(errorBox(result)); break;
    default: break;
  }
  return box;
}

function rows(result) {
  const parts = [];
  if (result.text) {
    parts.push(el('pre', 'lab-text', result.text));
  } else {
    const wrap = el('div', 'lab-table-wrap');
    const table = el('table', 'lab-table');
    const head = el('tr');
    for (const column of result.columns) {
      const th = el('th', null, column.name);
      th.append(el('span', 'lab-type', column.type));
      head.append(th);
    }
    table.append(el('thead', null, head));
    const body = el('tbody');
    const numeric = result.columns.map((c) => /^(integer|bigint|smallint|numeric|real|double precision|money|oid)/.test(c.type));
    for (const row of result.rows) {
      const tr = el('tr');
      row.forEach((value, i) => {
        const td = el('td', numeric[i] ? 'num' : null, value === null ? '' : value);
        if (value === null) td.classList.add('null');
        tr.append(td);
      });
      body.append(tr);
    }
    table.append(body);
    wrap.append(table);
    parts.push(wrap);
  }
  // psql's own text has its own footer (or none, as \x and \pset footer/tuples_only decide)
  if (result.text && !result.truncated) return parts;
  const count = `(${result.rowCount} ${result.rowCount === 1 ? 'row' : 'rows'})`;
  parts.push(el('p', 'lab-rowcount', result.truncated
    ? `${count} — showing the first ${result.rows.length}: the lab sends at most ${result.rows.length} rows to the browser (rows shown limit).`
    : count));
  return parts;
}

function plan(result) {
  const wrap = el('div', 'lab-plan');
  const tree = el('div', 'plan-tree');
  renderPlanTree(tree, result.tree);
  const text = el('details', 'plan-text');
  text.append(el('summary', null, 'Plan as psql prints it'), el('pre', null, result.text));
  text.open = false;
  wrap.append(tree, text);
  const times = [];
  if (result.planningMs != null) times.push(`Planning ${result.planningMs.toFixed(3)} ms`);
  if (result.executionMs != null) times.push(`Execution ${result.executionMs.toFixed(3)} ms`);
  if (times.length) wrap.append(el('p', 'muted', times.join(' · ')));
  return wrap;
}

function errorBox(result) {
  const box = el('div', 'lab-error');
  box.setAttribute('role', 'alert');
  box.append(el('p', 'lab-error-message', `ERROR:  ${result.message}`));
  if (result.detail) box.append(el('p', null, `DETAIL:  ${result.detail}`));
  if (result.hint) box.append(el('p', null, `HINT:  ${result.hint}`));
  const facts = [];
  if (result.line != null) facts.push(`line ${result.line}, column ${result.column}`);
  if (result.sqlstate) facts.push(`SQLSTATE ${result.sqlstate}`);
  if (result.limit) facts.push(`limit: ${result.limit}`);
  if (facts.length) box.append(el('p', 'muted', facts.join(' · ')));
  return box;
}

function problem(body) {
  const box = el('div', 'lab-error');
  box.setAttribute('role', 'alert');
  box.append(el('p', 'lab-error-message', body.error || body.message || 'The lab could not run that.'));
  if (body.limit) box.append(el('p', 'muted', `limit: ${body.limit}`));
  return box;
}
