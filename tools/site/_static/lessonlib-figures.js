// Figures the course website redraws in the browser as the reader moves an interact's controls: the twins of
// lesson 1's functions of the same names, computed as the notebook computes them (float32, like PyTorch).
// Each gets the controls' values and what the figure showed at its first values (`start`: its axes' lines as
// [x, y] points, its scattered points, its titles) and returns what changes: each axes' lines and title.
// tools/website_live.py draws some positions with the notebook's own function; the site check compares.
import { pyFormat } from './lessonlib-python.js';

const f32 = Math.fround;
const quad = (a, b, c) => (x) => f32(f32(f32(f32(a) * f32(x * x)) + f32(f32(b) * x)) + f32(c));
const relu = (m, b) => (x) => Math.max(f32(f32(f32(m) * x) + f32(b)), 0);
const mse = (f, points) => f32(points.reduce((s, [x, y]) => f32(s + f32((f32(f(x) - y)) ** 2)), 0) / points.length);
const curve = (line, f) => line.map(([x]) => [x, f(x)]);

export const figures = {
  // plot_fit(mk_quad(a, b, c), x, y): the data, the quadratic, and its loss in the title
  fit_by_hand: ({ a, b, c }, start) => {
    const ax = start.axes[0], f = quad(a, b, c);
    return { axes: [{ lines: [curve(ax.lines[0], f)], title: `loss = ${pyFormat(mse(f, ax.points[0]), '.3g')}` }] };
  },
  // plot_function(partial(rectified_linear, m, b), ...): one ReLU, and where it bends
  plot_relu: ({ m, b }, start) => ({
    axes: [{ lines: [curve(start.axes[0].lines[0], relu(m, b))], title: m ? `bend at x = ${pyFormat(-b / m, '.2f')}` : 'flat' }],
  }),
  // plot_function(partial(double_relu, m1, b1, m2, b2), ...): the sum of two ReLUs
  plot_double_relu: ({ m1, b1, m2, b2 }, start) => ({
    axes: [{ lines: [curve(start.axes[0].lines[0], (x) => f32(relu(m1, b1)(x) + relu(m2, b2)(x)))] }],
  }),
};
