// Calls to the service from the race page, with the bearer token the page holds.
const api = new URL('../api/', document.baseURI);
const tokenField = () => document.getElementById('token');

// A token in the fragment (the run command's link) is taken and removed from the address bar: a fragment is never
// sent to a server, and once taken it should not linger where a copied link would carry it.
export function takeToken() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    if (fragment.get('token')) {
        sessionStorage.setItem('products.token', fragment.get('token'));
        history.replaceState(null, '', location.pathname + location.search);
    }
    tokenField().value = sessionStorage.getItem('products.token') || '';
}

export function keepToken() {
    sessionStorage.setItem('products.token', tokenField().value.trim());
}

export function url(path) {
    return new URL(path, api);
}

export async function call(method, path, body, ifMatch) {
    const headers = {};
    const token = tokenField().value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    return fetch(url(path), {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
}

/** Creates a product and returns it, or throws with the service's answer. */
export async function create(product) {
    const created = await call('POST', 'products', product);
    if (created.status !== 201) {
        throw new Error('creating the product answered ' + created.status + ' ' + (await created.text()));
    }
    return created.json();
}
