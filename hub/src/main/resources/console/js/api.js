// The admin API, with the signed-in user's token. A 401 ends the session and shows the login page.

const TOKEN = 'dunhub.token';
const USER = 'dunhub.user';

export class ApiError extends Error {
  constructor(status, message, field, retryAfter) {
    super(message);
    this.status = status;
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  user: () => { try { return JSON.parse(sessionStorage.getItem(USER)); } catch (e) { return null; } },
  set(token, user) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(USER, JSON.stringify(user || null));
  },
  clear() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(USER);
  },
};

/**
 * Calls the API: api('/api/cases', {query: {state: 'active'}}), api('/api/cases/1/pause',
 * {method: 'POST', body: {...}}), a string body is sent as YAML. Resolves with the parsed JSON
 * (or text), rejects with an ApiError carrying the status, message and field.
 */
export async function api(path, { method = 'GET', body, query } = {}) {
  const url = new URL(path, location.origin);
  for (const [k, v] of Object.entries(query || {})) {
    if (v !== undefined && v !== null && v !== '') url.searchParams.set(k, v);
  }
  const headers = { Accept: 'application/json' };
  const token = session.token();
  if (token) headers.Authorization = 'Bearer ' + token;
  let payload;
  if (typeof body === 'string') {
    headers['Content-Type'] = 'application/yaml';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(url, { method, headers, body: payload, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, 'The hub does not answer (' + e.message + ')');
  }
  const text = await response.text();
  let data = text;
  if ((response.headers.get('content-type') || '').includes('json') && text) {
    try { data = JSON.parse(text); } catch (e) { /* keep the text */ }
  }
  if (!response.ok) {
    const message = data && data.error ? data.error : `${response.status} ${response.statusText}`;
    const err = new ApiError(response.status, message, data && data.field,
      response.headers.get('Retry-After'));
    if (response.status === 401 && !path.endsWith('/api/login')) {
      session.clear();
      const back = location.hash && !location.hash.startsWith('#/login') ? location.hash : '';
      location.hash = '#/login' + (back ? '?next=' + encodeURIComponent(back) : '');
    }
    throw err;
  }
  return data;
}
