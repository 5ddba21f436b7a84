// PLACEHOLDER until the schema-diagram branch lands: a list of the tables with insert and \d buttons.
import { el } from './dom.js';

export function renderSchemaDiagram(host, tables, { onInsert, onDescribe }) {
  const boxes = tables.map((table) => {
    const box = el('div', 'schema-box');
    const name = el('button', 'schema-name', table.name);
    name.type = 'button';
    name.addEventListener('click', () => onInsert(table.name));
    const describe = el('button', 'schema-describe', '\\d');
    describe.type = 'button';
    describe.addEventListener('click', () => onDescribe(table.name));
    box.append(name, describe, el('ul', null));
    table.columns.forEach((c) => box.lastChild.append(el('li', null, `${c.name} ${c.type}`)));
    return box;
  });
  host.replaceChildren(...boxes);
  if (tables.length === 0) host.append(el('p', 'muted', 'No tables yet.'));
}
