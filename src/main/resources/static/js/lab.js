// The SQL lab: a CodeMirror editor, runs against the learner's own sandbox, results laid out like
// psql (tables, command tags, notices, errors with their position marked), EXPLAIN as text and as
// a tree, the sandbox's tables, reset and connection details.
import { EditorState, StateEffect, StateField } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, Decoration, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, bracketMatching } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { pgSQL } from '@codemirror/legacy-modes/mode/sql';
import { postJson, getJson } from './api.js';
import { renderPlanTree } from './plan-tree.js';
import { setUpExercises } from './exercises.js';
import { el } from './dom.js';

const lab = document.querySelector('[data-lab]');
if (lab) {
  setUpLab(lab);
}

function setUpLab(root) {
  const base = root.dataset.labApi;
  const draftKey = `netverks.lab.draft.${root.dataset.lessonId}`;
  const output = root.querySelector('[data-lab-output]');
  const status = root.querySelector('[data-lab-status]');
  const runButton = root.querySelector('[data-lab-run]');

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

  const host = root.querySelector('[data-lab-editor]');
  const initial = localStorage.getItem(draftKey) ?? host.dataset.initial ?? '';
  host.textContent = '';
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), bracketMatching(), EditorView.lineWrapping,
        StreamLanguage.define(pgSQL), syntaxHighlighting(classHighlighter), // tok-* classes, coloured in site.css for light and dark
        keymap.of([
          { key: 'Mod-Enter', run: () => { run(); return true; } },
          indentWithTab, ...defaultKeymap, ...historyKeymap,
        ]),
        errorField,
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            try { localStorage.setItem(draftKey, update.state.doc.toString()); } catch (e) { /* full or blocked */ }
          }
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'SQL editor. Press Control+Enter or Command+Enter to run.' }),
      ],
    }),
  });

  runButton.addEventListener('click', run);
  document.addEventListener('lab:load', (event) => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: event.detail } });
    // the editor itself, not the panel's top: the exercise list above it would push it below the fold
    view.dom.scrollIntoView({ behavior: 'smooth', block: 'center' });
    view.focus(); // CodeMirror focuses without scrolling
  });
  root.querySelector('[data-lab-reset]').addEventListener('click', reset);
  const connect = root.querySelector('[data-lab-connect]');
  if (connect) connect.addEventListener('toggle', () => { if (connect.open) showConnection(connect); });
  // a reset gives the sandbox a new user and password: the panel says so the next time it shows them
  let credentialsReplaced = false;
  refreshSchema();
  setUpExercises(root, () => view.state.doc.toString());

  async function run() {
    if (runButton.disabled) return;
    runButton.disabled = true;
    status.textContent = 'Running…';
    view.dispatch({ effects: setError.of(Decoration.none) });
    const script = view.state.doc.toString();
    try {
      const { ok, body } = await postJson(`${base}/run`, { sql: script });
      output.innerHTML = '';
      if (!ok) {
        output.append(problem(body));
        status.textContent = 'Not run.';
        return;
      }
      body.messages.forEach((message) => output.append(el('p', 'lab-message', message)));
      body.results.forEach((result, index) => output.append(renderResult(result, index)));
      if (body.results.length === 0) output.append(el('p', 'muted', 'Nothing to run: type a statement first.'));
      const failed = body.results.filter((r) => r.kind === 'error').length;
      status.textContent = `${body.results.length} statement(s) run${failed ? `, ${failed} failed` : ''}.`;
      markFirstError(body.results);
      refreshSchema();
    } catch (e) {
      status.textContent = 'Could not reach the lab. Check your connection and try again.';
    } finally {
      runButton.disabled = false;
    }
  }

  function markFirstError(results) {
    const error = results.find((r) => r.kind === 'error' && r.position != null);
    if (!error) return;
    const doc = view.state.doc;
    const from = Math.min(error.position, doc.length);
    const word = doc.sliceString(from, Math.min(doc.length, from + 40)).match(/^[\w$"']+|^./);
    const to = Math.min(doc.length, from + (word ? word[0].length : 1));
    view.dispatch({
      effects: setError.of(Decoration.set(from < to ? [errorMark.range(from, to)] : [])),
      selection: { anchor: from },
      scrollIntoView: true,
    });
  }

  async function reset() {
    if (!confirm('Reset your sandbox to the lesson\'s original data? Your changes to its tables will be lost.')) return;
    status.textContent = 'Resetting…';
    const { ok, body } = await postJson(`${base}/reset`);
    status.textContent = ok ? body.message : body.error;
    if (ok) {
      output.innerHTML = '';
      refreshSchema();
      if (connect) {
        credentialsReplaced = true;
        if (connect.open) showConnection(connect);
      }
    }
  }

  async function refreshSchema() {
    const panel = root.querySelector('[data-lab-schema]');
    const { ok, body } = await getJson(`${base}/schema`);
    panel.innerHTML = '';
    if (!ok) {
      panel.append(el('p', 'muted', body.error));
      return;
    }
    for (const table of body) {
      const details = el('details', 'schema-table');
      const summary = el('summary', null, table.name);
      summary.append(el('span', 'muted', ` ${table.kind === 'table' ? `~${table.estimatedRows} rows` : table.kind}`));
      details.append(summary);
      const list = el('ul');
      table.columns.forEach((c) => {
        const item = el('li', null, c.name + ' ');
        item.append(el('span', 'muted', c.type));
        list.append(item);
      });
      details.append(list);
      panel.append(details);
    }
    if (body.length === 0) panel.append(el('p', 'muted', 'No tables yet.'));
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
  box.append(el('p', 'lab-error-message', body.error || 'The lab could not run that.'));
  if (body.limit) box.append(el('p', 'muted', `limit: ${body.limit}`));
  return box;
}
