// The console's shell: sign-in state, navigation, and a router on the URL fragment.
import { api, session } from './api.js';
import { h, mount } from './dom.js';
import * as login from './pages/login.js';
import * as overview from './pages/overview.js';
import * as customers from './pages/customers.js';
import * as customer from './pages/customer.js';
import * as caseView from './pages/case.js';
import * as connections from './pages/connections.js';
import * as policies from './pages/policies.js';

const routes = [
  { path: /^\/login$/, page: login, nav: null, open: true },
  { path: /^\/overview$/, page: overview, nav: 'overview' },
  { path: /^\/customers$/, page: customers, nav: 'customers' },
  { path: /^\/customers\/([^/]+)$/, page: customer, nav: 'customers' },
  { path: /^\/cases\/([^/]+)$/, page: caseView, nav: 'customers' },
  { path: /^\/connections$/, page: connections, nav: 'connections' },
  { path: /^\/policies$/, page: policies, nav: 'policies' },
];

const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
const nav = document.getElementById('nav');
const menu = document.getElementById('menu-toggle');
let renderCount = 0;
let lastPath = null;

function parse() {
  const raw = location.hash.replace(/^#/, '') || '/overview';
  const [path, search] = raw.split('?');
  return { path, params: new URLSearchParams(search || '') };
}

async function render() {
  const { path, params } = parse();
  const route = routes.find(r => r.path.test(path));
  if (!route) {
    location.replace('#/overview');
    return;
  }
  if (!route.open && !session.token()) {
    location.replace('#/login?next=' + encodeURIComponent('#' + path));
    return;
  }
  const signedIn = Boolean(session.token());
  topbar.hidden = !signedIn;
  document.getElementById('user-name').textContent = signedIn ? describe(session.user()) : '';
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.nav === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (path !== lastPath) document.getElementById('toast').hidden = true; // a message belongs to its page
  lastPath = path;
  nav.classList.remove('open');
  menu.setAttribute('aria-expanded', 'false');

  const mine = ++renderCount;
  const view = h('div', { class: 'view' });
  mount(main, h('p', { class: 'loading', text: 'Loading…' }));
  const args = path.match(route.path).slice(1).map(decodeURIComponent);
  try {
    await route.page.render(view, { args, params, isCurrent: () => mine === renderCount });
    if (mine === renderCount) {
      mount(main, view);
      document.title = (view.dataset.title ? view.dataset.title + ' · ' : '') + 'Dunhub';
    }
  } catch (e) {
    if (mine === renderCount && e.status !== 401) {
      mount(main, h('div', { class: 'panel' },
        h('h1', { text: 'Something went wrong' }),
        h('p', { class: 'error', role: 'alert', text: e.message })));
    }
  }
}

function describe(user) {
  if (!user) return '';
  return user.role ? `${user.name} · ${user.role}` : user.name;
}

menu.addEventListener('click', () => {
  const open = nav.classList.toggle('open');
  menu.setAttribute('aria-expanded', String(open));
});

document.getElementById('logout').addEventListener('click', async () => {
  try { await api('/api/logout', { method: 'POST' }); } catch (e) { /* signed out anyway */ }
  session.clear();
  location.hash = '#/login';
});

window.addEventListener('hashchange', render);
render();
