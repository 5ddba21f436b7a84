// "Schema at a glance": the learner's tables as boxes with their columns, and each foreign key as a
// curve from the referencing column to the referenced one, drawn from the lab's schema listing
// (GET …/schema, see docs/lab-api.md), so it follows the learner's own CREATE TABLEs.
//
// The boxes are plain HTML (text wraps, buttons are real buttons, a screen reader reads them); the
// curves are an SVG drawn behind them from the boxes' measured positions, redrawn whenever the
// host's size changes. Referenced tables come before the tables that reference them, so most
// curves run left to right (or downwards in a narrow pane).
import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const BOX_MIN_WIDTH = 240; // px: a box narrower than this wraps most column types
const COLUMN_GAP = 40; // px: room between columns (and right of the last) for the curves, as in site.css
const observers = new WeakMap();
let diagrams = 0; // gives each diagram's arrow marker an id of its own

/**
 * Replaces host's content with the diagram of `tables` (the schema listing's JSON). The name
 * button calls onInsert(name), the \d button onDescribe(name). Returns a function that stops
 * following the host's size; rendering into the same host again stops the previous one itself.
 */
export function renderSchemaDiagram(host, tables, { onInsert = () => {}, onDescribe = () => {} } = {}) {
  observers.get(host)?.disconnect();
  const diagram = el('div', 'schema-diagram');
  diagram.setAttribute('role', 'group');
  diagram.setAttribute('aria-label', `Schema diagram: ${count(tables.length, 'table or view', 'tables and views')}`);
  host.replaceChildren(diagram);
  if (tables.length === 0) {
    diagram.append(el('p', 'muted', 'No tables yet.'));
    return () => {};
  }

  const layers = layersOf(tables);
  const boxes = new Map(tables.map((table) => [table.name, box(table, tables, { onInsert, onDescribe })]));
  boxes.forEach((section, name) => light(section, diagram, name));
  const markerId = `schema-arrow-${++diagrams}`;
  const svg = overlay(markerId);
  const grid = el('div', 'schema-grid');
  diagram.append(svg, grid, keyList(tables));

  let columnCount = 0;
  let frame = 0;
  const update = () => {
    frame = 0;
    const width = diagram.clientWidth;
    if (width === 0) return; // hidden (a closed tab): drawn when it shows, as its size changes then
    const wanted = Math.max(1, Math.min(tables.length, Math.floor((width + COLUMN_GAP) / (BOX_MIN_WIDTH + COLUMN_GAP))));
    if (wanted !== columnCount) {
      columnCount = wanted;
      grid.replaceChildren(...arrange(layers, columnCount).map((column) => {
        const stack = el('div', 'schema-column-stack');
        stack.append(...column.map((table) => boxes.get(table.name)));
        return stack;
      }));
    }
    draw(svg, diagram, tables, boxes, markerId);
  };
  // Deferred to the next frame: moving boxes between columns inside the observer's callback would
  // resize what it observes and make the browser report a loop.
  const observer = new ResizeObserver(() => { if (!frame) frame = requestAnimationFrame(update); });
  // the boxes too: one can change height (a type wrapping differently) while the grid keeps its size
  [diagram, grid, ...boxes.values()].forEach((node) => observer.observe(node));
  observers.set(host, observer);
  update();
  return () => { observer.disconnect(); observers.delete(host); };
}

function box(table, tables, { onInsert, onDescribe }) {
  const section = el('section', 'schema-box');
  section.dataset.table = table.name;
  const isView = table.kind !== 'table';
  if (isView) section.classList.add('schema-box-view');

  const head = el('div', 'schema-box-head');
  const name = el('button', 'schema-name', table.name);
  name.type = 'button';
  name.setAttribute('aria-label', `Insert ${table.name} into the editor`);
  name.title = `Insert ${table.name} into the editor`;
  name.addEventListener('click', () => onInsert(table.name));
  const describe = el('button', 'schema-describe', '\\d');
  describe.type = 'button';
  describe.setAttribute('aria-label', `Describe ${table.name} (\\d ${table.name})`);
  describe.title = `\\d ${table.name}`;
  describe.addEventListener('click', () => onDescribe(table.name));
  const meta = el('span', 'schema-box-meta', isView ? table.kind : `~${table.estimatedRows.toLocaleString('en')} rows`);
  head.append(name, meta, describe);

  const referencing = new Map(); // column name → "customers.id", for its title and marker
  for (const key of table.foreignKeys ?? []) {
    key.columns.forEach((column, i) => {
      const target = `${key.references}.${key.referencedColumns[i]}`;
      referencing.set(column, referencing.has(column) ? `${referencing.get(column)}, ${target}` : target);
    });
  }
  const list = el('ul', 'schema-columns');
  for (const column of table.columns) {
    const row = el('li', 'schema-row');
    row.dataset.column = column.name;
    const facts = [column.type];
    if (column.primaryKey) {
      row.append(marker('schema-pk', 'PK', 'primary key'));
      facts.push('primary key');
    }
    if (referencing.has(column.name)) {
      row.append(marker('schema-fk', 'FK', `references ${referencing.get(column.name)}`));
      facts.push(`references ${referencing.get(column.name)}`);
    }
    if (column.notNull && !column.primaryKey) facts.push('not null');
    row.append(el('span', 'schema-row-name', column.name), el('span', 'schema-row-type', column.type));
    row.title = `${column.name}: ${facts.join(', ')}`;
    list.append(row);
  }
  if (table.columns.length === 0) list.append(el('li', 'schema-row muted', 'no columns'));
  section.append(head, list);
  // The other tables' keys onto this one, so its title tells what points at it too.
  const incoming = tables.flatMap((other) => (other.foreignKeys ?? [])
    .filter((key) => key.references === table.name)
    .map((key) => `${other.name}.${key.columns.join(', ')}`));
  if (incoming.length) section.title = `Referenced by ${incoming.join('; ')}`;
  return section;
}

// Pointing at or focusing a box brings out its curves: the keys it holds and those onto it.
function light(section, diagram, name) {
  const toggle = (on) => diagram.querySelectorAll('path.schema-line').forEach((path) => {
    if (path.dataset.from === name || path.dataset.to === name) path.classList.toggle('schema-line-lit', on);
  });
  section.addEventListener('pointerenter', () => toggle(true));
  section.addEventListener('pointerleave', () => toggle(false));
  section.addEventListener('focusin', () => toggle(true));
  section.addEventListener('focusout', () => toggle(false));
}

function marker(className, label, meaning) {
  const badge = el('span', `schema-marker ${className}`);
  const shown = el('span', null, label);
  shown.setAttribute('aria-hidden', 'true');
  badge.append(shown, el('span', 'schema-visually-hidden', `(${meaning})`));
  return badge;
}

// The text alternative of the curves: every foreign key as one line, "orders.customer_id → customers.id"
// ("shipments (order_id, product_id) → order_items (order_id, product_id)" for a composite key).
function keyList(tables) {
  const section = el('div', 'schema-key-list schema-visually-hidden');
  const end = (table, columns) => (columns.length === 1 ? `${table}.${columns[0]}` : `${table} (${columns.join(', ')})`);
  const keys = tables.flatMap((table) => (table.foreignKeys ?? []).map((key) =>
    `${end(table.name, key.columns)} → ${end(key.references, key.referencedColumns)}`));
  section.append(el('p', null, keys.length ? `Foreign keys (${keys.length}):` : 'No foreign keys.'));
  const list = el('ul');
  keys.forEach((key) => list.append(el('li', null, key)));
  section.append(list);
  return section;
}

// Tables a key points at come before the tables that hold the key: layer 0 holds the tables that
// reference no listed table, layer n those whose deepest referenced table is in layer n - 1; each
// layer sorted by name. A cycle (a table referencing itself, or two referencing each other) is cut
// where it closes.
function layersOf(tables) {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const depth = new Map();
  const visiting = new Set();
  const depthOf = (table) => {
    if (depth.has(table.name)) return depth.get(table.name);
    if (visiting.has(table.name)) return -1;
    visiting.add(table.name);
    let deepest = -1;
    for (const key of table.foreignKeys ?? []) {
      const target = byName.get(key.references);
      if (target && target !== table) deepest = Math.max(deepest, depthOf(target));
    }
    visiting.delete(table.name);
    depth.set(table.name, deepest + 1);
    return deepest + 1;
  };
  const layers = [];
  for (const table of tables) (layers[depthOf(table)] ??= []).push(table);
  return layers.filter(Boolean).map((layer) => layer.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
}

// Splits the layers into `columnCount` columns, top to bottom then left to right. Preferably whole
// layers go to each column (consecutive ones sharing a column when there are more layers than
// columns), so every curve runs left to right or stays within a column; when that leaves one
// column far taller than the rest (most tables in one layer), the ordered list is cut into columns
// of about equal height instead.
function arrange(layers, columnCount) {
  const ordered = layers.flat();
  if (columnCount === 1) return [ordered];
  const weight = (table) => table.columns.length + 2; // rows, counting the header as two
  const heightOf = (tables) => tables.reduce((sum, table) => sum + weight(table), 0);
  const total = heightOf(ordered);
  const grouped = groupLayers(layers.map(heightOf), columnCount);
  if (grouped.sizes.length > 1 && grouped.tallest <= 1.6 * total / grouped.sizes.length) {
    return grouped.sizes.map((size, i) => layers.slice(grouped.starts[i], grouped.starts[i] + size).flat());
  }
  const columns = [[]];
  let height = 0;
  for (const table of ordered) {
    const filled = height + weight(table) / 2 > (total / columnCount) * columns.length;
    if (filled && columns[columns.length - 1].length && columns.length < columnCount) columns.push([]);
    columns[columns.length - 1].push(table);
    height += weight(table);
  }
  return columns;
}

// The cut of consecutive layers into at most `count` groups whose tallest is as short as can be
// (a small dynamic programme: a schema has a handful of layers).
function groupLayers(heights, count) {
  const n = heights.length;
  const groups = Math.min(count, n);
  const sum = (from, to) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  // best[g][i]: the tallest group when the first i layers make g groups; cut[g][i]: where the last starts
  const best = Array.from({ length: groups + 1 }, () => new Array(n + 1).fill(Infinity));
  const cut = Array.from({ length: groups + 1 }, () => new Array(n + 1).fill(0));
  best[0][0] = 0;
  for (let g = 1; g <= groups; g++) {
    for (let i = g; i <= n; i++) {
      for (let start = g - 1; start < i; start++) {
        const tallest = Math.max(best[g - 1][start], sum(start, i));
        if (tallest < best[g][i]) {
          best[g][i] = tallest;
          cut[g][i] = start;
        }
      }
    }
  }
  const starts = [];
  for (let g = groups, i = n; g > 0; i = cut[g][i], g--) starts.unshift(cut[g][i]);
  const sizes = starts.map((start, i) => (starts[i + 1] ?? n) - start);
  return { tallest: best[groups][n], starts, sizes };
}

function overlay(markerId) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'schema-lines');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const defs = document.createElementNS(SVG, 'defs');
  const marker = document.createElementNS(SVG, 'marker');
  for (const [name, value] of Object.entries({
    id: markerId, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7',
    markerUnits: 'strokeWidth', orient: 'auto',
  })) marker.setAttribute(name, value);
  const head = document.createElementNS(SVG, 'path');
  head.setAttribute('d', 'M0,1 L9,5 L0,9 z');
  head.setAttribute('class', 'schema-arrow');
  marker.append(head);
  defs.append(marker);
  svg.append(defs);
  return svg;
}

// One curve per foreign key, from its first column's row to the referenced column's row, leaving
// and entering each box by the side facing the other; between boxes in the same column (or a
// table's key onto itself) the curve bows out to the right.
function draw(svg, diagram, tables, boxes, markerId) {
  const origin = diagram.getBoundingClientRect();
  // sized from the grid, not the diagram: the diagram's own size includes the SVG's last size,
  // which would keep the host scrolling over empty space after the diagram got shorter
  const grid = diagram.querySelector('.schema-grid');
  svg.setAttribute('width', grid.offsetLeft + grid.offsetWidth);
  svg.setAttribute('height', grid.offsetTop + grid.offsetHeight);
  svg.querySelectorAll('path.schema-line').forEach((path) => path.remove());
  const rectOf = (node) => {
    const rect = node.getBoundingClientRect();
    return { left: rect.left - origin.left, right: rect.right - origin.left, y: rect.top - origin.top + rect.height / 2 };
  };
  const rowOf = (table, column) => boxes.get(table)?.querySelector(`[data-column="${CSS.escape(column)}"]`);
  for (const table of tables) {
    for (const key of table.foreignKeys ?? []) {
      const fromRow = rowOf(table.name, key.columns[0]);
      const toRow = rowOf(key.references, key.referencedColumns[0]);
      if (!fromRow || !toRow) continue; // a table the listing leaves out: the key stays in the text list
      const from = { ...rectOf(fromRow), box: rectOf(boxes.get(table.name)) };
      const to = { ...rectOf(toRow), box: rectOf(boxes.get(key.references)) };
      const path = document.createElementNS(SVG, 'path');
      path.setAttribute('class', 'schema-line');
      path.setAttribute('d', curve(from, to));
      path.setAttribute('marker-end', `url(#${markerId})`);
      path.dataset.from = table.name;
      path.dataset.to = key.references;
      svg.append(path);
    }
  }
}

function curve(from, to) {
  if (to.box.left >= from.box.right) return bezier(from.box.right, from.y, to.box.left, to.y, 1, -1);
  if (to.box.right <= from.box.left) return bezier(from.box.left, from.y, to.box.right, to.y, -1, 1);
  // same column: out of the right edge and back in, bowing further the further apart the rows are
  const x1 = from.box.right;
  const x2 = to.box.right;
  const bow = Math.min(COLUMN_GAP - 6, 14 + Math.abs(to.y - from.y) * 0.06);
  return `M${x1},${from.y} C${x1 + bow * 1.4},${from.y} ${x2 + bow * 1.4},${to.y} ${x2 + 1},${to.y}`;
}

function bezier(x1, y1, x2, y2, out, into) {
  const pull = Math.max(24, Math.abs(x2 - x1) / 2);
  return `M${x1},${y1} C${x1 + out * pull},${y1} ${x2 + into * pull},${y2} ${x2},${y2}`;
}

function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
