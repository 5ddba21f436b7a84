// Draws an EXPLAIN plan (our PlanNode JSON) as a nested tree: each node with its actual time and
// rows, estimated against actual rows, and the most expensive node marked.
export function renderPlanTree(container, root) {
  container.innerHTML = '';
  if (!root) return;
  const list = document.createElement('ul');
  list.className = 'plan-nodes';
  list.setAttribute('role', 'tree');
  list.append(node(root, maxExclusive(root)));
  container.append(list);
}

function maxExclusive(node) {
  const own = node.exclusiveTimeMs ?? 0;
  return Math.max(own, ...node.children.map(maxExclusive));
}

function node(plan, max) {
  const item = document.createElement('li');
  item.setAttribute('role', 'treeitem');
  item.className = plan.mostExpensive ? 'plan-node plan-hot' : 'plan-node';
  const card = document.createElement('div');
  card.className = 'plan-card';
  if (plan.label) {
    const label = document.createElement('p');
    label.className = 'plan-label';
    label.textContent = plan.label;
    card.append(label);
  }
  const title = document.createElement('p');
  title.className = 'plan-title';
  title.textContent = plan.title;
  if (plan.mostExpensive) {
    const badge = document.createElement('span');
    badge.className = 'plan-badge';
    badge.textContent = 'most expensive';
    title.append(' ', badge);
  }
  card.append(title);
  const facts = document.createElement('p');
  facts.className = 'plan-facts';
  const parts = [];
  if (plan.actualTotalTime != null) {
    parts.push(`${(plan.exclusiveTimeMs ?? 0).toFixed(3)} ms in this node (total ${plan.actualTotalTime.toFixed(3)} ms × ${plan.actualLoops} loop${plan.actualLoops === 1 ? '' : 's'})`);
    parts.push(`rows: estimated ${plan.planRows}, actual ${plan.actualRows}${misestimate(plan)}`);
  } else {
    parts.push(`cost ${plan.startupCost.toFixed(2)}..${plan.totalCost.toFixed(2)}, estimated rows ${plan.planRows}`);
  }
  facts.textContent = parts.join(' · ');
  card.append(facts);
  if (plan.actualTotalTime != null && max > 0) {
    const bar = document.createElement('div');
    bar.className = 'plan-bar';
    bar.style.width = `${Math.max(2, Math.round(((plan.exclusiveTimeMs ?? 0) / max) * 100))}%`;
    card.append(bar);
  }
  if (plan.details.length) {
    const details = document.createElement('ul');
    details.className = 'plan-details';
    for (const line of plan.details) {
      const detail = document.createElement('li');
      detail.textContent = line;
      details.append(detail);
    }
    card.append(details);
  }
  item.append(card);
  if (plan.children.length) {
    const children = document.createElement('ul');
    children.setAttribute('role', 'group');
    plan.children.forEach((child) => children.append(node(child, max)));
    item.append(children);
  }
  return item;
}

function misestimate(plan) {
  const estimated = Math.max(1, plan.planRows);
  const actual = Math.max(1, plan.actualRows);
  const factor = actual > estimated ? actual / estimated : estimated / actual;
  return factor >= 10 ? ` (off by ×${Math.round(factor)})` : '';
}
