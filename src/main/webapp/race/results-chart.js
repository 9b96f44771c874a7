// One row of bars per finished run: sold against the stock (beyond it in red), lost updates, retries, latency.
import {el, LOOK, niceMax} from './svg.js';

const WIDTH = 720, ROW = 46, HEAD = 30;
const COLUMNS = {
    label: 0, sold: 120, soldWidth: 230, lost: 370, lostWidth: 80, retries: 470, retriesWidth: 80,
    latency: 570, latencyWidth: 70
};

export class ResultsChart {

    constructor(svg) {
        this.svg = svg;
        this.rows = [];
        this.draw();
    }

    add(row) {
        this.rows.push(row);
        this.draw();
    }

    clear() {
        this.rows = [];
        this.draw();
    }

    draw() {
        const height = HEAD + Math.max(1, this.rows.length) * ROW;
        this.svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
        this.svg.replaceChildren();
        const head = el('g', {class: 'axis'}, this.svg);
        el('text', {x: COLUMNS.sold, y: 14, text: 'sold, against the stock (frame)'}, head);
        el('text', {x: COLUMNS.lost, y: 14, text: 'lost updates'}, head);
        el('text', {x: COLUMNS.retries, y: 14, text: 'retries'}, head);
        el('text', {x: COLUMNS.latency, y: 14, text: 'p50 · p99 ms'}, head);
        if (!this.rows.length) {
            el('text', {x: COLUMNS.sold, y: HEAD + 16, class: 'muted', text: 'no run yet'}, this.svg);
            return;
        }
        const units = niceMax(Math.max(...this.rows.map((row) => Math.max(row.stock, row.successes))));
        const retries = niceMax(Math.max(1, ...this.rows.map((row) => row.retries)));
        const latency = niceMax(Math.max(1, ...this.rows.map((row) => row.p99)));
        this.rows.forEach((row, index) => this.drawRow(row, HEAD + index * ROW, units, retries, latency));
    }

    drawRow(row, top, units, retries, latency) {
        const look = LOOK[row.strategy];
        const group = el('g', {class: 'result', 'data-strategy': row.strategy, 'data-sold': row.successes,
            'data-stock': row.stock, 'data-oversold': row.oversold, 'data-lost': row.lost, 'data-retries': row.retries,
            'data-p50': row.p50, 'data-p99': row.p99}, this.svg);
        el('rect', {x: 0, y: top + 4, width: 8, height: 24, fill: look.color}, group);
        el('text', {x: 14, y: top + 15, text: row.number + '. ' + row.strategy}, group);
        el('text', {x: 14, y: top + 28, fill: '#52606d', 'font-size': 10,
            text: row.buyers + ' for ' + row.stock}, group);

        const soldScale = (n) => COLUMNS.soldWidth * n / units;
        const kept = Math.min(row.successes, row.stock);
        el('rect', {class: 'sold', x: COLUMNS.sold, y: top + 6, width: soldScale(kept), height: 20, fill: '#2e7d32'}, group);
        if (row.oversold > 0) {
            el('rect', {class: 'oversold', x: COLUMNS.sold + soldScale(row.stock), y: top + 6,
                width: soldScale(row.oversold), height: 20, fill: '#c62828'}, group);
        }
        el('rect', {class: 'stock-frame', x: COLUMNS.sold, y: top + 4, width: soldScale(row.stock), height: 24,
            fill: 'none', stroke: '#1f2933', 'stroke-width': 1.5}, group);
        el('text', {x: COLUMNS.sold, y: top + 40, 'font-size': 11,
            text: row.oversold > 0 ? `${row.successes} sold of ${row.stock}: ${row.oversold} oversold`
                : `${row.successes} of ${row.stock}`, fill: row.oversold > 0 ? '#c62828' : '#1f2933'}, group);

        bar(group, COLUMNS.lost, top, COLUMNS.lostWidth * row.lost / units, '#c62828', row.lost);
        bar(group, COLUMNS.retries, top, COLUMNS.retriesWidth * row.retries / retries, '#1565c0', row.retries);
        const p50 = COLUMNS.latencyWidth * row.p50 / latency;
        const p99 = COLUMNS.latencyWidth * row.p99 / latency;
        el('rect', {x: COLUMNS.latency, y: top + 6, width: p99, height: 20, fill: '#9fb3c8'}, group);
        el('rect', {x: COLUMNS.latency, y: top + 6, width: p50, height: 20, fill: '#486581'}, group);
        el('text', {x: COLUMNS.latency + p99 + 4, y: top + 20, text: `${row.p50} · ${row.p99}`}, group);
    }
}

function bar(group, x, top, width, color, value) {
    el('rect', {x, y: top + 6, width, height: 20, fill: color}, group);
    el('text', {x: x + width + 4, y: top + 20, text: value, 'font-weight': value > 0 ? 'bold' : 'normal'}, group);
}
