// Progress for a signed-in learner: on every page, what this browser did (while signed out, or on
// this device) is merged into the account, and the browser then shows what the account has — the
// same on every device. Logging out (or deleting the account) clears this browser's copy, so the
// next person starts afresh; if the deletion is refused, the next page fetches it again.
import * as store from './progress-store.js';
import { getJson } from './api.js';

const account = store.signedInAs();
for (const form of document.querySelectorAll('[data-logout], [data-confirm-delete]')) {
  form.addEventListener('submit', () => store.clear());
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
    store.push();
  } else {
    follow();
  }
}

async function follow() {
  const { ok, body } = await getJson('/api/progress');
  if (ok) store.adopt(body);
}
