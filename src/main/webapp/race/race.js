// The race page: every buyer asks for one unit at the same instant; the stock shown comes from the change feed.
// Counting follows src/demo/RaceDemo.java, so the page and the demo print the same figures.
'use strict';

const api = new URL('../api/', document.baseURI);
const $ = (id) => document.getElementById(id);
let feed = null;

// A token in the fragment (the run command's link) is taken and removed from the address bar: a fragment is never
// sent to a server, and once taken it should not linger where a copied link would carry it.
const fragment = new URLSearchParams(location.hash.slice(1));
if (fragment.get('token')) {
    sessionStorage.setItem('products.token', fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
}
$('token').value = sessionStorage.getItem('products.token') || '';

$('race').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem('products.token', $('token').value.trim());
    run(Number($('stock').value), Number($('buyers').value), $('strategy').value).catch((failure) => {
        $('status').textContent = 'failed: ' + failure.message;
        $('start').disabled = false;
    });
});

function headers(json, ifMatch) {
    const h = {};
    const token = $('token').value.trim();
    if (token) h.Authorization = 'Bearer ' + token;
    if (json) h['Content-Type'] = 'application/json';
    if (ifMatch) h['If-Match'] = ifMatch;
    return h;
}

async function call(method, path, body, ifMatch) {
    return fetch(new URL(path, api), {
        method, headers: headers(body !== undefined, ifMatch),
        body: body === undefined ? undefined : JSON.stringify(body)
    });
}

// Follows the change feed from now on and shows the stock of the product being raced for.
function follow(productId) {
    if (feed) feed.close();
    feed = new EventSource(new URL('products/events', api));
    feed.addEventListener('open', () => { $('feed-status').textContent = '(live from the change feed)'; });
    feed.addEventListener('error', () => { $('feed-status').textContent = '(change feed reconnecting)'; });
    feed.addEventListener('product', (message) => {
        const change = JSON.parse(message.data);
        if (change.product_id === productId.value && change.product) {
            $('stock-now').textContent = change.product.stock_quantity;
            $('stock-now').dataset.version = change.version;
        }
    });
    // the race starts once the feed is open, or after 3 s without it (the figures do not depend on the feed)
    return new Promise((resolve) => {
        feed.addEventListener('open', resolve, {once: true});
        setTimeout(resolve, 3000);
    });
}

// The unsafe way: read, decide, write back without a version check.
async function naiveBuy(id) {
    const read = await (await call('GET', 'products/' + id)).json();
    if (read.stock_quantity <= 0) return null;
    const {name, description, price} = read;
    return call('PUT', 'products/' + id, {name, description, price, stock_quantity: read.stock_quantity - 1}, '*');
}

async function run(stock, buyers, strategy) {
    $('start').disabled = true;
    $('status').textContent = 'running';
    const watched = {value: null};
    await follow(watched);
    const created = await call('POST', 'products', {name: 'Race ' + strategy, price: 1, stock_quantity: stock});
    if (created.status !== 201) {
        throw new Error('creating the product answered ' + created.status + ' ' + (await created.text()));
    }
    const id = (await created.json()).id;
    watched.value = id;
    $('stock-now').textContent = stock;

    const lanes = $('lanes');
    lanes.replaceChildren(...Array.from({length: buyers}, () => document.createElement('span')));
    const counts = {successes: 0, rejections: 0, retries: 0, conflicts: 0};
    const began = performance.now();
    await Promise.all(Array.from(lanes.children, async (square) => {
        let response;
        try {
            response = strategy === 'naive' ? await naiveBuy(id)
                : await call('POST', 'products/' + id + '/stock-adjustments', {delta: -1, strategy});
        } catch (failure) {
            counts.conflicts++;
            square.className = 'failed';
            return;
        }
        if (response === null || response.status === 409) {
            counts.rejections++;
            square.className = 'refused';
        } else if (response.status === 200) {
            counts.successes++;
            counts.retries += Number(response.headers.get('Stock-Adjustment-Attempts') || '1') - 1;
            square.className = 'sold';
        } else {
            counts.conflicts++;
            square.className = 'failed';
        }
    }));
    const seconds = (performance.now() - began) / 1000;
    const remaining = (await (await call('GET', 'products/' + id)).json()).stock_quantity;
    const left = stock - remaining;
    record({
        strategy, stock, buyers, successes: counts.successes, rejections: counts.rejections,
        retries: counts.retries, conflicts: counts.conflicts, remaining,
        lost: counts.successes - left, oversold: Math.max(0, counts.successes - stock),
        rate: Math.round(buyers / seconds)
    });
    $('status').textContent = 'done';
    $('start').disabled = false;
}

function record(row) {
    const tr = document.createElement('tr');
    tr.dataset.strategy = row.strategy;
    for (const key of ['strategy', 'stock', 'buyers', 'successes', 'rejections', 'retries', 'conflicts',
        'remaining', 'lost', 'oversold', 'rate']) {
        const td = document.createElement('td');
        td.className = key;
        td.textContent = row[key];
        if ((key === 'lost' || key === 'oversold') && row[key] !== 0) td.classList.add('bad');
        tr.appendChild(td);
    }
    document.querySelector('#results tbody').appendChild(tr);
}
