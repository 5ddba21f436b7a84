// The two-session lab's small views: a session's state badge, whom a waiting statement waits
// for, and the lock and activity panel's tables. lab.js drives them; nothing here talks to the server.
import { el } from './dom.js';

export const SESSION_NAMES = { a: 'A', b: 'B' };
const SESSION_LABELS = { a: 'A', b: 'B', other: 'other' };

// The badge's state is announced when it changes; the ticking transaction age beside it is not.
export function badge(node) {
  const state = el('span', 'lab-badge-state', 'idle');
  state.setAttribute('aria-live', 'polite');
  const detail = el('span', 'lab-badge-detail');
  node.removeAttribute('aria-live');
  node.replaceChildren(state, detail);
  return { root: node, state, detail };
}

export function holder(name) {
  return name === 'other' ? 'another session of yours (such as your own psql)' : `session ${SESSION_NAMES[name] || name}`;
}

export function holderShort(name) {
  return name === 'other' ? 'another session' : SESSION_NAMES[name] || name;
}

export function seconds(ms) {
  const s = Math.floor(ms / 1000);
  if (s < 60) return ms < 10000 ? `${(ms / 1000).toFixed(1)} s` : `${s} s`;
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

// The lock and activity panel's two small tables: backends (who waits for whom, xid, xmin, query)
// and locks (who holds or wants what, in which mode).
export function renderLocks(body) {
  const backends = body.backends || [];
  const held = body.locks || [];
  const parts = [];
  if (backends.length === 0) {
    parts.push(el('p', 'muted', 'No session of yours is connected right now: a session connects on its first run.'));
    return parts;
  }
  parts.push(el('h4', 'lab-locks-title', 'Sessions'));
  parts.push(smallTable(['Session', 'State', 'Waiting for', 'xid', 'xmin', 'Query'], backends.map((b) => [
    SESSION_LABELS[b.session] || b.session, b.state, (b.waitingFor || []).map((w) => SESSION_LABELS[w] || w).join(', '),
    b.xid, b.xmin, shortQuery(b.query),
  ]), 'Your sessions'));
  parts.push(el('h4', 'lab-locks-title', 'Locks'));
  if (held.length === 0) {
    parts.push(el('p', 'muted', 'No locks held or wanted.'));
  } else {
    const rows = held.map((l) => [
      SESSION_LABELS[l.session] || l.session, l.lockType, lockTarget(l), l.mode, l.granted ? 'granted' : 'waiting',
    ]);
    const table = smallTable(['Session', 'Lock type', 'Relation', 'Mode', 'Granted'], rows, 'Locks of your sessions');
    held.forEach((l, i) => { if (!l.granted) table.querySelectorAll('tbody tr')[i].classList.add('lab-lock-waiting'); });
    parts.push(table);
  }
  return parts;
}

// the panel shows a query's start; the whole text is in the lab's results or the learner's own client
function shortQuery(query) {
  if (!query) return query;
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function lockTarget(lock) {
  const bits = [];
  if (lock.relation) bits.push(lock.relation);
  if (lock.tuple != null) bits.push(`row (${lock.page},${lock.tuple})`);
  if (lock.transactionId) bits.push(`transaction ${lock.transactionId}`);
  return bits.join(' ');
}

function smallTable(headings, rows, label) {
  const wrap = el('div', 'lab-table-wrap');
  const table = el('table', 'lab-table lab-locks-table');
  table.setAttribute('aria-label', label);
  const head = el('tr');
  headings.forEach((h) => head.append(el('th', null, h)));
  table.append(el('thead', null, head));
  const tbody = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    row.forEach((value) => tr.append(value === null || value === undefined || value === '' ? el('td', 'lab-empty') : el('td', null, String(value))));
    tbody.append(tr);
  }
  table.append(tbody);
  wrap.append(table);
  return wrap;
}
