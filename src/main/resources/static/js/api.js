// JSON calls to our own API. Spring Security expects the XSRF-TOKEN cookie's value back in the
// X-XSRF-TOKEN header on every request that changes something.
function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : '';
}

// keepalive: the request completes even if the page is closing (a draft saved on pagehide)
export async function send(method, url, body, { keepalive = false } = {}) {
  const headers = { 'Accept': 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    credentials: 'same-origin',
    keepalive,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let payload = null;
  try {
    payload = await response.json();
  } catch (e) {
    payload = { error: `The server answered ${response.status} without a readable message.` };
  }
  return { ok: response.ok, status: response.status, body: payload };
}

export const postJson = (url, body) => send('POST', url, body);
export const getJson = (url) => send('GET', url);
