// The race page: buyers race for one product in five lanes; the stock is drawn from the change feed, each buyer's
// mark from its answer, each run's figures as bars. Counting follows src/demo/RaceDemo.java, so the page and the
// demo print the same figures.
import {call, create, keepToken, takeToken, url} from './api.js';
import {playEditors} from './editors.js';
import {ResultsChart} from './results-chart.js';
import {StockChart} from './stock-chart.js';

const LANES = 5;
const STRATEGIES = ['naive', 'atomic', 'optimistic', 'pessimistic', 'serializable'];
const $ = (id) => document.getElementById(id);
const stockChart = new StockChart($('stock-chart'));
const resultsChart = new ResultsChart($('results-chart'));
const feed = {source: null, lines: new Map(), current: null, waiting: false, early: []};
let runs = 0;

takeToken();

$('race').addEventListener('submit', (event) => {
    event.preventDefault();
    race([$('strategy').value]);
});
$('all').addEventListener('click', () => race(STRATEGIES));
$('clear').addEventListener('click', () => {
    stockChart.clear();
    resultsChart.clear();
    $('marks').replaceChildren();
    $('editors').replaceChildren();
    document.querySelector('#results tbody').replaceChildren();
    feed.lines.clear();
    runs = 0;
});
$('editors-play').addEventListener('click', () => busy('playing the two editors', () => playEditors($('editors'))));

async function race(strategies) {
    await busy('running', async () => {
        const stock = Number($('stock').value);
        const buyers = Number($('buyers').value);
        if (!(stock >= 1 && buyers >= 1)) throw new Error('stock and buyers must be at least 1');
        for (const strategy of strategies) {
            $('status').textContent = 'running: ' + strategy;
            await run(stock, buyers, strategy);
        }
    });
}

/** Runs work with the buttons disabled; the status line says how it ended. */
async function busy(doing, work) {
    keepToken();
    const buttons = document.querySelectorAll('button');
    buttons.forEach((button) => { button.disabled = true; });
    $('status').textContent = doing;
    try {
        await work();
        $('status').textContent = 'done';
    } catch (failure) {
        $('status').textContent = 'failed: ' + failure.message;
    } finally {
        buttons.forEach((button) => { button.disabled = false; });
    }
}

// One stream for the page; each event goes to the line of the run whose product it is about, even after that run
// has ended. Events that arrive before a run knows its product's id (the creation's event can beat the creation's
// answer) wait in "early".
function follow() {
    if (feed.source) return Promise.resolve();
    feed.source = new EventSource(url('products/events'));
    feed.source.addEventListener('open', () => { $('feed-status').textContent = '(following)'; });
    feed.source.addEventListener('error', () => { $('feed-status').textContent = '(reconnecting)'; });
    feed.source.addEventListener('product', (message) => {
        const change = JSON.parse(message.data);
        if (!change.product) return;
        const line = feed.lines.get(change.product_id);
        if (line) show(line, change);
        else if (feed.waiting) feed.early.push(change);
    });
    // the race starts once the feed is open, or after 3 s without it (the figures do not depend on the feed)
    return new Promise((resolve) => {
        feed.source.addEventListener('open', resolve, {once: true});
        setTimeout(resolve, 3000);
    });
}

function show(line, change) {
    stockChart.changed(line, change);
    if (line === feed.current) $('stock-now').textContent = change.product.stock_quantity;
}

async function run(stock, buyers, strategy) {
    await follow();
    const number = ++runs;
    const line = stockChart.start({number, strategy, stock, product: null});
    feed.current = line;
    feed.waiting = true;
    const product = await create({name: 'Race ' + strategy, price: 1, stock_quantity: stock});
    line.run.product = product.id;
    feed.lines.set(product.id, line);
    feed.early.filter((change) => change.product_id === product.id).forEach((change) => show(line, change));
    feed.waiting = false;
    feed.early = [];

    const marks = addMarks(number, strategy, buyers);
    const outcomes = [];
    let next = 0;
    const lane = async () => {
        while (next < buyers) {
            const buyer = next++;
            outcomes[buyer] = await buy(product, strategy, marks[buyer]);
            if (outcomes[buyer].outcome === 'sold' || outcomes[buyer].outcome === 'retried') {
                stockChart.promised(line);
            }
            if (strategy === 'naive') revealLost(product, outcomes, marks);
        }
    };
    await Promise.all(Array.from({length: Math.min(LANES, buyers)}, lane));

    const remaining = (await (await call('GET', 'products/' + product.id)).json()).stock_quantity;
    // the feed's last events may still be on their way; the figures below do not wait for them
    const count = (...kinds) => outcomes.filter((o) => kinds.includes(o.outcome)).length;
    const successes = count('sold', 'retried', 'lost');
    const latencies = outcomes.map((o) => o.millis).sort((a, b) => a - b);
    record({
        number, strategy, stock, buyers, successes, rejections: count('rejected'),
        retries: outcomes.reduce((sum, o) => sum + o.retries, 0), conflicts: count('failed'), remaining,
        lost: successes - (stock - remaining), oversold: Math.max(0, successes - stock),
        p50: percentile(latencies, 50), p99: percentile(latencies, 99)
    });
}

function addMarks(number, strategy, buyers) {
    const title = document.createElement('p');
    title.className = 'marks-title';
    title.textContent = number + '. ' + strategy + ', ' + buyers + ' buyers';
    const row = document.createElement('div');
    row.className = 'marks';
    row.dataset.run = number;
    row.dataset.strategy = strategy;
    row.setAttribute('role', 'img');
    const marks = Array.from({length: buyers}, (_, i) => {
        const mark = document.createElement('span');
        mark.className = 'mark';
        mark.dataset.buyer = i + 1;
        mark.dataset.outcome = 'waiting';
        return mark;
    });
    row.replaceChildren(...marks);
    $('marks').append(title, row);
    return marks;
}

/** One buyer: its outcome, the extra attempts the service made for it, its latency; its mark shows the outcome. */
async function buy(product, strategy, mark) {
    const began = performance.now();
    const result = {outcome: 'failed', retries: 0};
    try {
        if (strategy === 'naive') Object.assign(result, await naiveBuy(product.id));
        else {
            const response = await call('POST', 'products/' + product.id + '/stock-adjustments', {delta: -1, strategy});
            result.retries = Number(response.headers.get('Stock-Adjustment-Attempts') || '1') - 1;
            result.outcome = response.status === 200 ? (result.retries > 0 ? 'retried' : 'sold')
                : response.status === 409 ? 'rejected' : 'failed';
        }
    } catch (failure) {
        result.outcome = 'failed';
    }
    result.millis = Math.round(performance.now() - began);
    label(mark, result);
    return result;
}

// The unsafe way: read, decide, write back without a version check. The versions read and written say later
// whose sale survived.
async function naiveBuy(id) {
    const read = await (await call('GET', 'products/' + id)).json();
    if (read.stock_quantity <= 0) return {outcome: 'rejected'};
    const {name, description, price} = read;
    const written = await call('PUT', 'products/' + id,
        {name, description, price, stock_quantity: read.stock_quantity - 1}, '*');
    if (written.status !== 200) return {outcome: written.status === 409 ? 'rejected' : 'failed'};
    return {outcome: 'sold', read: read.version, wrote: (await written.json()).version};
}

// A naive sale survives when the write the stock now rests on was built on it: follow the versions back from the
// newest write (each write read the version it built on) to the product's first version. Every sale off that
// chain was overwritten; as more answers arrive a mark can move on or off it.
function revealLost(product, outcomes, marks) {
    const byVersion = new Map();
    outcomes.forEach((o, i) => { if (o && o.wrote !== undefined) byVersion.set(o.wrote, i); });
    const kept = new Set();
    let version = Math.max(...byVersion.keys());
    while (byVersion.has(version) && version > product.version) {
        kept.add(byVersion.get(version));
        version = outcomes[byVersion.get(version)].read;
    }
    for (const i of byVersion.values()) {
        const outcome = kept.has(i) ? 'sold' : 'lost';
        outcomes[i].outcome = outcome;
        label(marks[i], outcomes[i]);
    }
}

function label(mark, result) {
    mark.dataset.outcome = result.outcome;
    mark.title = 'buyer ' + mark.dataset.buyer + ': ' + result.outcome
        + (result.retries ? ' after ' + result.retries + ' retries' : '') + ', ' + result.millis + ' ms';
}

function percentile(sorted, p) {
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p / 100) - 1)] : 0;
}

function record(row) {
    resultsChart.add(row);
    document.querySelector(`.marks[data-run="${row.number}"]`).setAttribute('aria-label', `${row.strategy}: `
        + `${row.successes} buyers told "sold" for ${row.stock} units, ${row.lost} of those sales lost, `
        + `${row.rejections} told it is sold out, ${row.conflicts} failed`);
    const tr = document.createElement('tr');
    tr.dataset.strategy = row.strategy;
    tr.dataset.run = row.number;
    for (const key of ['strategy', 'stock', 'buyers', 'successes', 'rejections', 'retries', 'conflicts',
        'remaining', 'lost', 'oversold', 'p50', 'p99']) {
        const td = document.createElement('td');
        td.className = key;
        td.textContent = row[key];
        tr.appendChild(td);
    }
    document.querySelector('#results tbody').appendChild(tr);
}
