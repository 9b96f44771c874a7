// Plain SVG drawing for the race page: no library, nothing fetched from anywhere but the service.
const NS = 'http://www.w3.org/2000/svg';

/** Creates an SVG element with attributes (and text, under the key "text"), appended to parent if given. */
export function el(name, attributes = {}, parent = null) {
    const node = document.createElementNS(NS, name);
    for (const [key, value] of Object.entries(attributes)) {
        if (key === 'text') node.textContent = value;
        else node.setAttribute(key, value);
    }
    if (parent) parent.appendChild(node);
    return node;
}

/** A colour and a dash per strategy, so lines differ without colour too. */
export const LOOK = {
    naive: {color: '#c62828', dash: ''},
    atomic: {color: '#1565c0', dash: '6 3'},
    optimistic: {color: '#2e7d32', dash: '2 3'},
    pessimistic: {color: '#6a1b9a', dash: '10 3 2 3'},
    serializable: {color: '#ef6c00', dash: '12 4'}
};

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten, at least the value. */
export function niceMax(value) {
    if (value <= 0) return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    return [1, 2, 5, 10].map((step) => step * power).find((bound) => bound >= value);
}
