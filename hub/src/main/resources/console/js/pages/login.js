import { api, session } from '../api.js';
import { h } from '../dom.js';

export async function render(view, { params }) {
  view.dataset.title = 'Sign in';
  const error = h('div', { role: 'alert' });
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true, autofocus: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'sign-in', text: 'Sign in' });
  const form = h('form', { class: 'panel', novalidate: true },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true', text: 'D' }), 'Dunhub'),
    h('h1', { class: 'sr-only', text: 'Sign in to Dunhub' }),
    h('div', { class: 'field' }, h('label', { for: 'username', text: 'Username' }), username),
    h('div', { class: 'field' }, h('label', { for: 'password', text: 'Password' }), password),
    error,
    submit);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    error.replaceChildren();
    if (!username.value || !password.value) {
      error.appendChild(h('div', { class: 'error', text: 'Enter your username and password.' }));
      return;
    }
    submit.disabled = true;
    try {
      const result = await api('/api/login', { method: 'POST', body: { username: username.value, password: password.value } });
      session.set(result.token, result.user);
      const next = params.get('next');
      location.hash = next && next.startsWith('#/') ? next : '#/overview';
    } catch (err) {
      let text = err.message;
      if (err.status === 401) text = 'Wrong username or password.';
      if (err.status === 429) text = 'Too many attempts. Try again' + (err.retryAfter ? ` in ${err.retryAfter} seconds.` : ' later.');
      error.appendChild(h('div', { class: 'error', text }));
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  });
  view.appendChild(h('div', { class: 'login' }, form));
}
