// The lesson page is the same cached bytes for every reader, so its discussion is fetched: the
// server renders the thread list (sanitised, escaped) as an HTML fragment, and pages of it replace
// each other here. Without JavaScript the section links to the discussion's own page.
const section = document.querySelector('[data-discussion]');

if (section) {
  const target = section.querySelector('[data-discussion-list]');
  const base = section.dataset.discussionUrl;

  async function load(url) {
    const separator = url.includes('?') ? '&' : '?';
    try {
      const response = await fetch(url + separator + 'fragment', {
        credentials: 'same-origin',
        headers: { 'Accept': 'text/html' },
      });
      if (!response.ok) throw new Error(String(response.status));
      target.innerHTML = await response.text();
      section.dataset.discussionLoaded = 'true';
    } catch (e) {
      target.innerHTML = '';
      const p = document.createElement('p');
      p.className = 'muted';
      p.append('The discussion could not be loaded here. ');
      const link = document.createElement('a');
      link.href = base;
      link.textContent = 'Open it on its own page.';
      p.append(link);
      target.append(p);
    }
  }

  section.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-discussion-page]');
    if (!link) return;
    event.preventDefault();
    load(link.getAttribute('href')).then(() => section.scrollIntoView({ block: 'start' }));
  });

  load(base);
}
