// The course website's widgets, working in the reader's browser with no kernel (their HTML comes from
// tools/website_live.py): interact's controls and their figures, quizzes, and lesson 7's drawing pad.
import { figures } from './lessonlib-figures.js';
import { quizAccepts } from './lessonlib-python.js';

const position = (c) => (c.type === 'checkbox' ? Number(c.checked) : Number(c.value));
const positions = (c) => (c.type === 'checkbox' ? 2 : c.tagName === 'SELECT' ? c.options.length : Number(c.max) + 1);
const labelOf = (c) => (c.type === 'checkbox' ? (c.checked ? 'on' : 'off')
  : c.tagName === 'SELECT' ? c.options[c.selectedIndex].text : JSON.parse(c.dataset.labels)[position(c)]);
const escapeHtml = (s) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// interact: the controls change the figure; range inputs move over the positions, their readout shows the value
function interact(el) {
  const controls = [...el.querySelectorAll('input, select')];
  const names = controls.map((c) => el.querySelector(`label[for="${c.id}"]`).textContent);
  const figure = el.querySelector('.lessonlib-w-figure'), alt = figure.dataset.alt;
  const described = () => `${alt} (${controls.map((c, i) => `${names[i]} = ${labelOf(c)}`).join(', ')})`;
  let draw;
  if (el.dataset.mode === 'images') {
    const srcs = JSON.parse(figure.dataset.srcs);
    draw = () => {
      const k = controls.reduce((k, c) => k * positions(c) + position(c), 0);
      figure.src = srcs[k];
      figure.alt = described();
    };
  } else {
    const spec = JSON.parse(el.querySelector('script.lessonlib-figure-data').textContent);
    const redraw = figures[spec.name];
    draw = () => {
      const values = Object.fromEntries(spec.names.map((n, i) => [n, spec.values[i][position(controls[i])]]));
      const shown = [];
      redraw(values, spec.start).axes.forEach((ax, a) => {
        const m = spec.maps[a];
        (ax.lines || []).forEach((line, j) => {
          const d = line.map(([x, y], i) => `${i ? 'L' : 'M'} ${(m.sx * x + m.tx).toFixed(3)} ${(m.sy * y + m.ty).toFixed(3)}`).join(' ');
          figure.querySelector(`[id="${el.id}-a${a}-l${j}"] path`).setAttribute('d', d);
        });
        if (ax.title !== undefined) {
          figure.querySelector(`[id="${el.id}-a${a}-title"] text`).textContent = ax.title;
          shown.push(ax.title);
        }
      });
      figure.setAttribute('aria-label', described() + (shown.length ? `: ${shown.join('; ')}` : ''));
    };
  }
  const update = () => {
    for (const c of controls.filter((c) => c.type === 'range')) {
      el.querySelector(`output[for="${c.id}"]`).textContent = labelOf(c);
      c.setAttribute('aria-valuetext', labelOf(c));
    }
    draw();
  };
  for (const c of controls) c.addEventListener(c.type === 'range' ? 'input' : 'change', update);
  update();
}

// a quiz: Check shows the feedback the notebook gives for the answer chosen or typed
function quiz(el) {
  const answers = JSON.parse(el.dataset.answers), out = el.querySelector('.lessonlib-quiz-feedback');
  const number = el.querySelector('input[type=text]');
  const check = () => {
    if (answers.choices) {
      const chosen = el.querySelector('input[type=radio]:checked');
      out.innerHTML = chosen ? answers.choices[Number(chosen.value)] : answers.blank;
      return;
    }
    const text = number.value, ok = text.trim() === '' ? null : quizAccepts(text, answers);
    out.innerHTML = text.trim() === '' ? answers.blank : ok === null ? answers.nan.replace('{}', escapeHtml(text))
      : ok ? answers.correct : answers.wrong.replace('{}', escapeHtml(text));
  };
  el.querySelector('.lessonlib-quiz-check').addEventListener('click', check);
  number?.addEventListener('keydown', (e) => { if (e.key === 'Enter') check(); });
}

// the drawing pad: the canvas of lessonlib.pad (as in JupyterLab), its preprocessing and net in JavaScript
async function pad(el) {
  const [{ default: canvas }, mnist] = await Promise.all([import('./lessonlib-pad-canvas.js'), import('./lessonlib-mnist.js')]);
  const response = await fetch(new URL(el.dataset.netSrc, document.baseURI));
  if (!response.ok) throw new Error(`the pad's net ${el.dataset.netSrc}: HTTP ${response.status}`);
  const net = mnist.netFromBuffer(JSON.parse(el.dataset.net), await response.arrayBuffer());
  const state = { size: Number(el.dataset.size), strokes: [] }, handlers = {};
  const model = {   // what anywidget gives the canvas in a notebook: its state, and events when it changes
    get: (k) => state[k],
    set: (k, v) => { state[k] = v; (handlers[`change:${k}`] || []).forEach((h) => h()); },
    save_changes: () => {},
    on: (e, h) => { (handlers[e] ||= []).push(h); },
    off: (e, h) => { handlers[e] = (handlers[e] || []).filter((x) => x !== h); },
  };
  canvas.render({ model, el: el.querySelector('.lessonlib-pad-canvas') });
  const preview = el.querySelector('.lessonlib-pad-preview').getContext('2d');
  const bars = [...el.querySelectorAll('.lessonlib-pad-bar')], verdict = el.querySelector('.lessonlib-verdict');
  const update = () => {
    const strokes = state.strokes, drawn = strokes.length > 0;
    const image = mnist.strokesToMnist(strokes, Number(el.dataset.pen));
    const probs = drawn ? mnist.predictProbs(net, image) : new Array(bars.length).fill(0);
    const pixels = preview.createImageData(28, 28);   // ink dark, as the notebook's preview
    image.forEach((v, i) => { pixels.data.fill(Math.trunc(255 - v * 255), 4 * i, 4 * i + 3); pixels.data[4 * i + 3] = 255; });
    createImageBitmap(pixels).then((bitmap) => {
      preview.imageSmoothingEnabled = false;
      preview.drawImage(bitmap, 0, 0, 112, 112);
    });
    const best = drawn ? probs.indexOf(Math.max(...probs)) : null;
    bars.forEach((bar, d) => {
      bar.querySelector('progress').value = probs[d];
      bar.querySelector('.lessonlib-pad-pct').textContent = drawn ? `${Math.round(probs[d] * 100)}%` : '';
      bar.classList.toggle('lessonlib-pad-top', d === best);
    });
    verdict.innerHTML = drawn ? `it reads <b>${best}</b>` : 'draw a digit on the left';
    el.lessonlibPad = { strokes, image, probs };   // what the site check reads
  };
  model.on('change:strokes', update);
  el.querySelector('.lessonlib-clear').addEventListener('click', () => model.set('strokes', []));
  update();
  el.dataset.ready = 'true';
}

const started = [];
for (const el of document.querySelectorAll('.lessonlib-interact')) started.push(Promise.resolve().then(() => interact(el)));
for (const el of document.querySelectorAll('.lessonlib-quiz')) started.push(Promise.resolve().then(() => quiz(el)));
for (const el of document.querySelectorAll('.lessonlib-pad-live')) started.push(pad(el));
Promise.all(started).then(() => { document.documentElement.dataset.lessonlibWidgets = 'ready'; },
                          (e) => { document.documentElement.dataset.lessonlibWidgets = `failed: ${e}`; throw e; });

// pandas' coloured tables (DataFrame.style.background_gradient) write their light text in #f1f1f1, which on mid-grey
// cells falls just short of WCAG AA's contrast; in pure white, every cell passes with the lessons' text_color_threshold
for (const cell of document.querySelectorAll('.cell_output td, .cell_output th')) {
  if (getComputedStyle(cell).color === 'rgb(241, 241, 241)') cell.style.color = '#fff';
}
