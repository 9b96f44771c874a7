// The stock of each run's product over time, as the change feed reports it, one line per run. Beside it, thinner,
// the stock as the buyers were told it: the units at the start less every "sold" answer. For a strategy that
// keeps its promises the two lines are one; the naive client's promised line falls below zero, into "oversold".
import {el, LOOK, niceMax} from './svg.js';

const WIDTH = 720, HEIGHT = 280, LEFT = 44, RIGHT = 150, TOP = 14, BOTTOM = 34;

export class StockChart {

    constructor(svg) {
        this.svg = svg;
        this.lines = [];
        this.pending = false;
        this.draw();
    }

    /** A new line for a run; its clock starts now. */
    start(run) {
        const line = {run, began: performance.now(), points: [], promised: [{t: 0, stock: run.stock}]};
        this.lines.push(line);
        this.later();
        return line;
    }

    /** A change feed event of the line's product. */
    changed(line, event) {
        line.points.push({t: this.since(line), stock: event.product.stock_quantity, version: event.version,
            position: event.position});
        this.later();
    }

    /** A buyer was told "sold". */
    promised(line) {
        const last = line.promised[line.promised.length - 1].stock;
        line.promised.push({t: this.since(line), stock: last - 1});
        this.later();
    }

    clear() {
        this.lines = [];
        this.draw();
    }

    since(line) {
        return performance.now() - line.began;
    }

    // events come faster than frames: draw at most once a frame
    later() {
        if (this.pending) return;
        this.pending = true;
        requestAnimationFrame(() => this.draw());
    }

    draw() {
        this.pending = false;
        this.svg.replaceChildren();
        // the legend lists every run: more runs than fit beside the plot make the picture taller
        this.svg.setAttribute('viewBox', `0 0 ${WIDTH} ${Math.max(HEIGHT, TOP + this.lines.length * 36)}`);
        const times = this.lines.flatMap((line) => [...line.points, ...line.promised].map((point) => point.t));
        const stocks = this.lines.flatMap((line) => [...line.points, ...line.promised].map((point) => point.stock));
        const tMax = niceMax(Math.max(1000, ...times));
        const top = niceMax(Math.max(1, ...stocks));
        const lowest = Math.min(0, ...stocks);
        const bottom = lowest < 0 ? -niceMax(-lowest) : 0;
        const x = (t) => LEFT + (WIDTH - LEFT - RIGHT) * t / tMax;
        const y = (stock) => TOP + (HEIGHT - TOP - BOTTOM) * (top - stock) / (top - bottom);

        if (bottom < 0) {
            el('rect', {class: 'oversold-zone', x: LEFT, y: y(0), width: WIDTH - LEFT - RIGHT, height: y(bottom) - y(0),
                fill: '#ffebee'}, this.svg);
            el('text', {x: LEFT + 6, y: y(bottom) - 6, text: 'oversold: sales promised beyond the stock',
                fill: '#c62828'}, this.svg);
        }
        const axis = el('g', {class: 'axis'}, this.svg);
        for (const stock of [bottom, bottom / 2, 0, top / 2, top].filter((v, i, all) => all.indexOf(v) === i)) {
            el('line', {x1: LEFT, x2: WIDTH - RIGHT, y1: y(stock), y2: y(stock)}, axis);
            el('text', {x: LEFT - 6, y: y(stock) + 4, 'text-anchor': 'end', text: Math.round(stock)}, axis);
        }
        for (const t of [0, tMax / 4, tMax / 2, 3 * tMax / 4, tMax]) {
            el('text', {x: x(t), y: HEIGHT - BOTTOM + 16, 'text-anchor': 'middle', text: (t / 1000).toFixed(t < 4000 ? 1 : 0)}, axis);
        }
        el('text', {x: LEFT + (WIDTH - LEFT - RIGHT) / 2, y: HEIGHT - 4, 'text-anchor': 'middle',
            text: 'seconds since the run began'}, axis);
        el('line', {class: 'zero', x1: LEFT, x2: WIDTH - RIGHT, y1: y(0), y2: y(0)}, this.svg);
        el('text', {x: WIDTH - RIGHT - 4, y: y(0) - 4, 'text-anchor': 'end', text: 'sold out', fill: '#c62828'}, this.svg);

        this.lines.forEach((line, index) => this.drawLine(line, index, x, y));
    }

    drawLine(line, index, x, y) {
        const look = LOOK[line.run.strategy];
        const group = el('g', {class: 'run', 'data-run': line.run.number, 'data-strategy': line.run.strategy,
            'data-product': line.run.product ?? ''}, this.svg);
        el('polyline', {class: 'promised', points: steps(line.promised, x, y), stroke: look.color,
            'stroke-opacity': 0.45, 'stroke-width': 1.5, fill: 'none', 'stroke-dasharray': '1 2',
            'data-end': line.promised[line.promised.length - 1].stock}, group);
        const start = [{t: 0, stock: line.run.stock}];
        el('polyline', {class: 'stock', points: steps(start.concat(line.points), x, y), stroke: look.color,
            'stroke-dasharray': look.dash}, group);
        for (const point of line.points) {
            el('circle', {class: 'change', cx: x(point.t), cy: y(point.stock), r: 2.2, fill: look.color,
                'data-stock': point.stock, 'data-version': point.version, 'data-position': point.position}, group);
        }
        // the legend on the right: one entry per run, with where its stock ended
        const legendY = TOP + 10 + index * 36;
        const legendX = WIDTH - RIGHT + 12;
        el('line', {x1: legendX, x2: legendX + 22, y1: legendY, y2: legendY, stroke: look.color, 'stroke-width': 2.5,
            'stroke-dasharray': look.dash}, group);
        el('text', {x: legendX + 28, y: legendY + 4, text: line.run.number + '. ' + line.run.strategy}, group);
        const now = line.points.length ? line.points[line.points.length - 1].stock : line.run.stock;
        el('text', {x: legendX + 28, y: legendY + 18, class: 'legend-note', fill: '#52606d',
            text: 'stock ' + now + ', sold ' + (line.run.stock - line.promised[line.promised.length - 1].stock)}, group);
    }
}

/** A step line: the stock holds its value until the next change. */
function steps(points, x, y) {
    const out = [];
    points.forEach((point, i) => {
        if (i > 0) out.push(x(point.t) + ',' + y(points[i - 1].stock));
        out.push(x(point.t) + ',' + y(point.stock));
    });
    return out.join(' ');
}
