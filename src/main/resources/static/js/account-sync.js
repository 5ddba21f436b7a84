// Progress for a signed-in learner: on every page, what this browser did (while signed out, or on
// this device) is merged into the account, and the browser then shows what the account has — the
// same on every device. Logging out (or deleting the account) clears this browser's copy (and the
// lab's drafts), so the next person starts afresh; if the deletion is refused, the next page fetches
// it again.
import * as store from './progress-store.js';
import * as workspace from './workspace-store.js';
import { getJson } from './api.js';

const account = store.signedInAs();
for (const form of document.querySelectorAll('[data-logout], [data-confirm-delete]')) {
  form.addEventListener('submit', () => {
    store.clear();
    workspace.clear(); // the lab's drafts and attempts too: the next person on this browser starts afresh
  });
}
// Log-in and sign-up links bring the learner back to the page they were on.
for (const link of document.querySelectorAll('a[data-continue]')) {
  link.href = `${link.pathname}?continue=${encodeURIComponent(location.pathname + location.search + location.hash)}`;
}

if (account) {
  const local = store.load();
  if (local.account && local.account !== account) {
    store.clear(); // another account's copy: never merge it into this one
    follow();
  } else if (!local.account || store.hasUnsyncedChanges()) {
    store.push().then((ok) => { if (ok) redrawDashboard(); });
  } else {
    follow();
  }
}

async function follow() {
  const { ok, body } = await getJson('/api/progress');
  if (ok) store.adopt(body);
}

// The dashboard (/me) is drawn by the server before this browser's progress reached the account,
// so right after sign-up it would say "not started" until a reload: draw it again once merged.
async function redrawDashboard() {
  const dashboard = document.querySelector('[data-dashboard]');
  if (!dashboard) return;
  try {
    const response = await fetch(location.href, { headers: { Accept: 'text/html' } });
    if (!response.ok) return;
    const page = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = page.querySelector('[data-dashboard]');
    if (fresh) dashboard.replaceWith(fresh);
  } catch (e) {
    // the page as drawn stays; the next visit shows the merged progress
  }
}
