// The two editors story of src/demo/RaceDemo.java, played against the service and drawn: one panel with the
// version they read, one without (If-Match: *), each ending in what the database kept.
import {call, create} from './api.js';
import {el} from './svg.js';

const PANEL = 160, LANES = {Alice: 52, Bob: 100};

export async function playEditors(svg) {
    svg.replaceChildren();
    await panel(svg, 0, true);
    await panel(svg, PANEL + 10, false);
}

async function panel(svg, top, versioned) {
    const group = el('g', {class: 'editors', 'data-versioned': versioned}, svg);
    el('text', {x: 0, y: top + 16, 'font-weight': 'bold', text: versioned
            ? 'With the version they read (the service\'s way)' : 'Without a version: If-Match: *, last write wins'},
        group);
    for (const [name, y] of Object.entries(LANES)) {
        el('text', {x: 0, y: top + y + 4, text: name}, group);
        el('line', {x1: 50, x2: 560, y1: top + y, y2: top + y, stroke: '#d9e2ec', 'stroke-width': 2}, group);
    }
    const product = await create({name: 'Desk', price: 100, stock_quantity: 10});
    const read = await call('GET', 'products/' + product.id);
    const etag = read.headers.get('ETag');
    step(group, top, 'Alice', 0, 'reads version ' + product.version);
    step(group, top, 'Bob', 0, 'reads version ' + product.version);

    const alice = await call('PUT', 'products/' + product.id,
        {name: 'Desk', price: 120, stock_quantity: 10}, versioned ? etag : '*');
    step(group, top, 'Alice', 1, 'price → 120', alice.status);
    const bob = await call('PUT', 'products/' + product.id,
        {name: 'Desk', price: 100, stock_quantity: 7}, versioned ? etag : '*');
    step(group, top, 'Bob', 2, 'stock → 7', bob.status);
    if (bob.status === 409 || bob.status === 412) {
        const fresh = await call('GET', 'products/' + product.id);
        const current = await fresh.json();
        const retry = await call('PUT', 'products/' + product.id,
            {name: 'Desk', price: current.price, stock_quantity: 7}, fresh.headers.get('ETag'));
        step(group, top, 'Bob', 3, 'stock → 7 again', retry.status);
    }
    const stored = await (await call('GET', 'products/' + product.id)).json();
    const kept = Number(stored.price) === 120;
    const box = el('g', {class: 'stored', 'data-price': stored.price, 'data-stock': stored.stock_quantity,
        'data-lost': !kept}, group);
    el('rect', {x: 575, y: top + 30, width: 145, height: 90, rx: 6, fill: kept ? '#e8f5e9' : '#ffebee',
        stroke: kept ? '#2e7d32' : '#c62828'}, box);
    el('text', {x: 585, y: top + 50, 'font-weight': 'bold', text: 'Stored'}, box);
    el('text', {x: 585, y: top + 72, text: 'price ' + stored.price + (kept ? ' ✓' : ' ✗'),
        fill: kept ? '#1f2933' : '#c62828'}, box);
    el('text', {x: 585, y: top + 92, text: 'stock ' + stored.stock_quantity + ' ✓'}, box);
    el('text', {x: 585, y: top + 112, 'font-size': 10, fill: kept ? '#2e7d32' : '#c62828',
        text: kept ? 'both changes kept' : 'Alice\'s change is lost'}, box);
}

/** One request on an editor's lane; its answer's status, if any, in a chip coloured by its class. */
function step(group, top, editor, column, action, status) {
    const x = 52 + column * 124;
    const y = top + LANES[editor];
    const color = status === undefined ? '#52606d' : status === 409 || status === 412 ? '#ef6c00' : status < 300 ? '#2e7d32' : '#c62828';
    const box = el('g', {class: 'step', 'data-editor': editor, 'data-status': status ?? ''}, group);
    const frame = el('rect', {x, y: y - 13, height: 26, rx: 4, fill: '#fff', stroke: color, 'stroke-width': 2}, box);
    const label = el('text', {x: x + 6, y: y + 4, 'font-size': 10.5, text: action}, box);
    // the box fits its words, and the chip follows them
    const end = x + 6 + label.getComputedTextLength() + 6;
    if (status !== undefined) {
        el('rect', {x: end, y: y - 9, width: 26, height: 18, rx: 3, fill: color}, box);
        el('text', {x: end + 13, y: y + 4, 'text-anchor': 'middle', 'font-size': 10.5, fill: '#fff', text: status}, box);
    }
    frame.setAttribute('width', Math.max(118, end - x + (status === undefined ? 0 : 30)));
}
