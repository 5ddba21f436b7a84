// The lab's tabs and drafts: the free lab and every exercise keep their own draft, in this browser and,
// for a signed-in learner, in the account (learner.WorkspaceController), so a draft started on one
// device is there on the next; the newest edit of a draft wins. Also each exercise's list of earlier
// attempts, any of which loads back into the editor.
import * as local from './workspace-store.js';
import { getJson, send } from './api.js';
import { signedInAs, formatTime } from './progress-store.js';
import { el } from './dom.js';

const SAVE_DELAY_MS = 1500;
// the browser's copy is rewritten a moment after typing stops, not on every keystroke
const KEEP_DELAY_MS = 300;

/**
 * @param root   the lab section
 * @param editor { get(), set(text), focus(), reveal() }: the CodeMirror editor, as lab.js wraps it
 * @returns      { current(), select(slot, { focus }), edited(), onSelect(listener), addAttempt(exerciseId, attempt),
 *                useEditor(slot, editor), loadIntoFree(sql) }
 */
export function setUpWorkspace(root, editor) {
  const lessonId = root.dataset.lessonId;
  const api = root.dataset.workspaceApi;
  const account = signedInAs();
  const tabs = [...root.querySelectorAll('[data-workspace-tabs] [data-slot]')];
  const starter = root.querySelector('[data-lab-editor]').dataset.initial || '';
  const listeners = [];
  let record = local.lesson(lessonId, account);
  let slot = tabs.some((tab) => tab.dataset.slot === record.selected) ? record.selected : 'free';
  let editedSinceLoad = false;
  let accountAttempts = {}; // a signed-in learner's attempts, as the account keeps them
  const unsaved = new Map(); // slot -> timer of a draft not yet sent to the account
  const slotEditors = new Map(); // slot -> its own editor (a timeline exercise's steps), instead of the lab's
  let keepTimer = 0;

  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(tab.dataset.slot, { focus: false }));
    // arrow keys move between tabs, as in every tab list
    tab.addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (!step) return;
      const next = tabs[(index + step + tabs.length) % tabs.length];
      next.focus();
      select(next.dataset.slot, { focus: false });
    });
  });
  window.addEventListener('pagehide', () => {
    keepNow();
    flushAll();
  });
  show(slot);
  editorOf(slot).set(draftOf(slot));
  if (account) followAccount();

  function editorOf(name) {
    return slotEditors.get(name) || editor;
  }

  function draftOf(name) {
    const draft = record.drafts[name];
    if (draft) return draft.sql;
    return name === 'free' ? starter : '';
  }

  function select(name, { focus }) {
    if (name === slot) {
      if (focus) editorOf(name).focus();
      return;
    }
    keepNow();
    flush(slot);
    slot = name;
    record = local.update(lessonId, (r) => { r.selected = name; });
    show(name);
    editorOf(name).set(draftOf(name));
    listeners.forEach((listener) => listener(name));
    if (focus) editorOf(name).focus();
  }

  function show(name) {
    for (const tab of tabs) {
      const selected = tab.dataset.slot === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(tab.getAttribute('aria-controls'));
      if (panel) panel.hidden = !selected;
    }
    // the selected tab in view within its row (scrollIntoView would scroll the page to the lab too)
    const current = tabs.find((tab) => tab.dataset.slot === name);
    const row = current && current.parentElement;
    if (row && (current.offsetLeft < row.scrollLeft || current.offsetLeft + current.offsetWidth > row.scrollLeft + row.clientWidth)) {
      row.scrollLeft = current.offsetLeft - 16;
    }
  }

  /** Called by lab.js on every change of the editor's text: the draft of the selected tab. */
  function edited() {
    editedSinceLoad = true;
    clearTimeout(keepTimer);
    keepTimer = setTimeout(keepNow, KEEP_DELAY_MS);
    if (!account) return;
    clearTimeout(unsaved.get(slot));
    const name = slot;
    unsaved.set(name, setTimeout(() => flush(name), SAVE_DELAY_MS));
  }

  function keepNow() {
    clearTimeout(keepTimer);
    keep(editorOf(slot).get());
  }

  function keep(sql) {
    const name = slot;
    if (sql === draftOf(name)) return; // unchanged: the stored draft keeps its time
    record = local.update(lessonId, (r) => { r.drafts[name] = { sql, savedAt: new Date().toISOString() }; });
  }

  function flush(name) {
    if (!account || !unsaved.has(name)) return;
    if (name === slot) keepNow();
    clearTimeout(unsaved.get(name));
    unsaved.delete(name);
    const draft = record.drafts[name];
    if (draft) sendDraft(name, draft);
  }

  function flushAll() {
    for (const name of [...unsaved.keys()]) flush(name);
  }

  async function sendDraft(name, draft) {
    try {
      // keepalive: a draft saved as the page closes still reaches the account
      const response = await send('PUT', `${api}/drafts/${encodeURIComponent(name)}`, draft, { keepalive: true });
      if (response.ok && response.body.kept === false) adopt(name, response.body);
    } catch (e) {
      // offline: the browser's copy is newer and goes with the next edit or visit
    }
  }

  // The account's drafts and attempts: a draft newer there than here is taken (unless the learner
  // has typed in that tab since the page opened), one newer here is sent.
  async function followAccount() {
    const { ok, body } = await getJson(api);
    if (!ok || !body || !body.drafts) return;
    for (const [name, theirs] of Object.entries(body.drafts)) {
      const mine = record.drafts[name];
      if (!mine || theirs.savedAt > mine.savedAt) adopt(name, theirs);
    }
    for (const [name, mine] of Object.entries(record.drafts)) {
      const theirs = body.drafts[name];
      if (tabs.some((tab) => tab.dataset.slot === name) && (!theirs || mine.savedAt > theirs.savedAt)) {
        sendDraft(name, mine);
      }
    }
    accountAttempts = body.attempts || {};
    listeners.forEach((listener) => listener(slot));
  }

  function adopt(name, draft) {
    if (name === slot && editedSinceLoad) return;
    record = local.update(lessonId, (r) => { r.drafts[name] = { sql: draft.sql, savedAt: draft.savedAt }; });
    if (name === slot) editorOf(name).set(draft.sql);
  }

  // Attempts: the account's for a signed-in learner, this browser's otherwise; newest first.
  function attempts(exerciseId) {
    return (account ? accountAttempts[exerciseId] : record.attempts[exerciseId]) || [];
  }

  function addAttempt(exerciseId, attempt) {
    if (!attempt) return;
    if (account) {
      accountAttempts[exerciseId] = [attempt, ...(accountAttempts[exerciseId] || [])].slice(0, local.MAX_ATTEMPTS);
    } else {
      record = local.update(lessonId, (r) => {
        r.attempts[exerciseId] = [attempt, ...(r.attempts[exerciseId] || [])].slice(0, local.MAX_ATTEMPTS);
      });
    }
    showAttempts(exerciseId);
  }

  function showAttempts(exerciseId) {
    const panel = document.getElementById(`exercise-${exerciseId}`);
    const box = panel && panel.querySelector('[data-exercise-attempts]');
    if (!box) return;
    const list = attempts(exerciseId);
    box.hidden = list.length === 0;
    box.querySelector('[data-attempts-count]').textContent = `(${list.length})`;
    const items = list.map((attempt) => {
      const item = el('li', attempt.correct ? 'attempt attempt-correct' : 'attempt');
      const head = el('p', 'attempt-head');
      head.append(el('span', 'attempt-verdict', attempt.correct ? '✓ Solved' : '✗ Not yet'),
        el('time', 'muted', formatTime(attempt.at)));
      head.querySelector('time').dateTime = attempt.at;
      const load = el('button', 'button button-quiet attempt-load', 'Load into editor');
      load.type = 'button';
      load.addEventListener('click', () => {
        select(exerciseId, { focus: false });
        editorOf(exerciseId).set(attempt.sql);
        edited();
        editorOf(exerciseId).reveal();
      });
      head.append(load);
      item.append(head);
      if (!attempt.correct && attempt.summary) item.append(el('p', 'attempt-summary', attempt.summary));
      const own = slotEditors.get(exerciseId);
      item.append(el('pre', 'attempt-sql', own && own.display ? own.display(attempt.sql) : attempt.sql));
      return item;
    });
    box.querySelector('[data-attempt-list]').replaceChildren(...items);
  }

  listeners.push((name) => { if (name !== 'free') showAttempts(name); });
  tabs.forEach((tab) => { if (tab.dataset.slot !== 'free') showAttempts(tab.dataset.slot); });

  return {
    current: () => slot,
    select,
    edited,
    onSelect: (listener) => listeners.push(listener),
    addAttempt,
    /**
     * A slot whose draft is not the lab editor's text: a timeline exercise's steps ({ get(), set(text),
     * focus(), reveal(), display(text) }); the slot's draft goes into it at once if it is selected.
     */
    useEditor(name, own) {
      if (name === slot) keepNow(); // nothing typed into the lab's editor meanwhile is lost
      slotEditors.set(name, own);
      if (name === slot) own.set(draftOf(name));
      showAttempts(name);
    },
    /** "Try in lab": the lesson's example goes in the free lab's editor, in view and focused. */
    loadIntoFree(sql) {
      select('free', { focus: false });
      editor.set(sql);
      edited();
      editor.reveal();
    },
  };
}

