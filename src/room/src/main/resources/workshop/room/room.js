'use strict';
// The room dashboard: long-polls the grid with the instructor key (from the URL's #key=…, sent in a header).
// Every learner-supplied string is rendered with textContent: a name is text, never markup.
(function () {
  const key = new URLSearchParams(location.hash.slice(1)).get('key') || '';
  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = String(text); }
    return e;
  };
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  const problem = document.getElementById('problem');

  function showProblem(text) {
    problem.textContent = text;
    problem.hidden = !text;
  }

  function duration(seconds) {
    if (seconds < 60) { return seconds + ' s'; }
    const m = Math.floor(seconds / 60);
    return m < 60 ? m + ' min' : Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
  }

  function render(view) {
    const steps = [];
    view.katas.forEach(k => k.steps.forEach(s => steps.push(s)));
    const grid = document.getElementById('grid');
    const table = document.createDocumentFragment();
    const head = el('thead');
    const katas = el('tr');
    katas.appendChild(el('th', 'name', 'learner'));
    view.katas.forEach(k => {
      const th = el('th', 'kata', k.kata);
      th.colSpan = Math.max(1, k.steps.length);
      katas.appendChild(th);
    });
    head.appendChild(katas);
    const ids = el('tr');
    ids.appendChild(el('th', 'name', ''));
    steps.forEach(s => ids.appendChild(el('th', 'step', s)));
    head.appendChild(ids);
    table.appendChild(head);
    const body = el('tbody');
    view.learners.forEach(learner => {
      const tr = el('tr');
      tr.dataset.learner = learner.name;
      tr.appendChild(el('th', 'name', learner.name));
      steps.forEach(s => {
        const cell = learner.cells[s] || ['not-run', 0];
        const td = el('td', 's-' + cell[0], cell[1] > 0 ? cell[1] : '');
        td.dataset.step = s;
        td.title = s + ': ' + cell[0] + (cell[1] > 0 ? ', ' + cell[1] + ' hint level(s) opened' : '');
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    const median = el('tr', 'median');
    median.appendChild(el('th', 'name', 'median time'));
    steps.forEach(s => median.appendChild(el('td', '',
      view.medianSeconds[s] === undefined ? '' : duration(view.medianSeconds[s]))));
    body.appendChild(median);
    table.appendChild(body);
    grid.replaceChildren(table);

    const stuck = document.getElementById('stuck');
    const items = view.stuck.map(s => el('li', '',
      s.step + ' (' + s.kata + '): ' + s.names.length + ' — ' + s.names.join(', ')));
    stuck.replaceChildren(...(items.length ? items : [el('li', '', 'Nobody is stuck yet.')]));
    document.getElementById('summary').textContent = view.learners.length + ' learner(s) · '
      + view.accepted + ' result post(s) · updated ' + new Date().toLocaleTimeString();
    document.body.dataset.version = String(view.version);
  }

  async function poll() {
    let version = -1;
    for (;;) {
      try {
        const url = version < 0 ? '/api/grid' : '/api/grid?after=' + version;
        const response = await fetch(url, { headers: { 'X-Room-Key': key }, cache: 'no-store' });
        if (!response.ok) {
          showProblem(await response.text());
          await sleep(5000);
          continue;
        }
        const view = await response.json();
        showProblem('');
        render(view);
        version = view.version;
        await sleep(100); // at most ten redraws a second, however busy the room
      } catch (e) {
        showProblem('The room server does not answer (' + e.message + '); retrying.');
        await sleep(2000);
      }
    }
  }

  async function exportCsv() {
    const response = await fetch('/api/export.csv', { headers: { 'X-Room-Key': key }, cache: 'no-store' });
    if (!response.ok) {
      showProblem(await response.text());
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = el('a');
    a.href = url;
    a.download = 'room-' + new Date().toISOString().slice(0, 16).replace(':', '') + '.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  document.getElementById('export').addEventListener('click', exportCsv);
  // A key pasted into an open tab changes only the fragment: start again with it.
  window.addEventListener('hashchange', () => location.reload());
  if (!key) {
    showProblem('No instructor key: open the dashboard URL the room server printed (it ends with #key=…).');
  } else {
    poll();
  }
})();
