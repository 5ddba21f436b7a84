// The SQL lab as a workspace: tabs for the free lab and each exercise (each with its own draft,
// workspace.js), a CodeMirror editor with PostgreSQL highlighting and completion of the sandbox's own
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
import { el } from './dom.js';

const lab = document.querySelector('[data-lab]');
if (lab) {
  setUpLab(lab);
}

function setUpLab(root) {
  const base = root.dataset.labApi;
  const output = root.querySelector('[data-lab-output]');
  const status = root.querySelector('[data-lab-status]');
  const runButton = root.querySelector('[data-lab-run]');
  const checkButton = root.querySelector('[data-lab-check]');

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
  // a text the page put in the editor (switching tabs, a draft from the account) is not the learner's edit
  const replaced = Annotation.define();
  // the SQL language is configured again whenever the sandbox's tables change, for completion
  const language = new Compartment();
  // the empty editor says what the selected tab is for
  const emptyText = new Compartment();
  let workspace = null;

  const host = root.querySelector('[data-lab-editor]');
  host.textContent = '';
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(), history(), drawSelection(), highlightActiveLine(), bracketMatching(), EditorView.lineWrapping,
        language.of(sqlFor([])),
        syntaxHighlighting(classHighlighter), // tok-* classes, coloured in site.css for light and dark
        autocompletion({ activateOnTyping: true, icons: false }),
        emptyText.of(placeholder('Write SQL here; Ctrl+Enter runs it.')),
        keymap.of([
          { key: 'Mod-Enter', run: () => { run(); return true; } },
          indentWithTab, ...defaultKeymap, ...historyKeymap,
        ]),
        errorField,
        EditorView.updateListener.of((update) => {
          if (update.docChanged && workspace && !update.transactions.some((t) => t.annotation(replaced))) {
            workspace.edited();
          }
        }),
        EditorView.contentAttributes.of({ 'aria-label': 'SQL editor. Press Control+Enter or Command+Enter to run, Control+Space to complete a name.' }),
      ],
    }),
  });
  const editor = {
    get: () => view.state.doc.toString(),
    set: (text) => view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      annotations: replaced.of(true),
      effects: setError.of(Decoration.none),
    }),
    focus: () => view.focus(),
    // the editor itself, not the panel's top, centred and focused (CodeMirror focuses without scrolling)
    reveal: () => {
      view.dom.scrollIntoView({ behavior: 'smooth', block: 'center' });
      view.focus();
    },
  };
  workspace = setUpWorkspace(root, editor);

  runButton.addEventListener('click', () => run());
  checkButton.addEventListener('click', () => {
    const panel = document.getElementById(`exercise-${workspace.current()}`);
    if (panel) panel.querySelector('[data-exercise-check]').click();
  });
  const showSlot = (slot) => {
    checkButton.hidden = slot === 'free';
    const tab = root.querySelector(`[data-slot="${CSS.escape(slot)}"] .workspace-tab-title`);
    const text = tab ? `Write your answer to “${tab.textContent}” here, then press Check.` : 'Write SQL here; Ctrl+Enter runs it.';
    view.dispatch({ effects: emptyText.reconfigure(placeholder(text)) });
  };
  workspace.onSelect(showSlot);
  showSlot(workspace.current());
  document.addEventListener('lab:load', (event) => workspace.loadIntoFree(event.detail));
  root.querySelector('[data-lab-reset]').addEventListener('click', reset);
  const connect = root.querySelector('[data-lab-connect]');
  if (connect) connect.addEventListener('toggle', () => { if (connect.open) showConnection(connect); });
  makeResizable(output);
  // a reset gives the sandbox a new user and password: the panel says so the next time it shows them
  let credentialsReplaced = false;
  refreshSchema();
  setUpExercises(root, workspace, () => view.state.doc.toString());

  // Runs the editor's script, or another one (\d from the diagram) without touching the editor.
  async function run(script) {
    if (runButton.disabled) return;
    const fromEditor = script === undefined;
    runButton.disabled = true;
    status.textContent = 'Running…';
    if (fromEditor) view.dispatch({ effects: setError.of(Decoration.none) });
    const text = fromEditor ? view.state.doc.toString() : script;
    try {
      const { ok, body } = await postJson(`${base}/run`, { sql: text });
      output.replaceChildren();
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
      if (fromEditor) markFirstError(body.results);
      output.scrollTop = 0;
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

  // The diagram and the editor's completion both follow the sandbox's catalogs, after every run.
  async function refreshSchema() {
    const panel = root.querySelector('[data-lab-schema]');
    const { ok, body } = await getJson(`${base}/schema`);
    if (!ok) {
      panel.replaceChildren(el('p', 'muted', body.error));
      return;
    }
    renderSchemaDiagram(panel, body, {
      onInsert: (name) => {
        view.dispatch(view.state.replaceSelection(name));
        view.focus();
      },
      onDescribe: (name) => run(`\\d ${name}`),
    });
    view.dispatch({ effects: language.reconfigure(sqlFor(body)) });
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
  box.append(el('p', 'lab-error-message', body.error || 'The lab could not run that.'));
  if (body.limit) box.append(el('p', 'muted', `limit: ${body.limit}`));
  return box;
}
