// Python's ways with numbers, in the browser: the site shows numbers as the notebooks print them
// (tests/test_website.py compares each with Python's own on many numbers).

// Python's format(x, spec) for specs '.Nf' and '.Ng', rounding the exact binary value half to even, as Python does
export function pyFormat(x, spec) {
  const [, p, kind] = spec.match(/^\.(\d+)([fg])$/);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const exact = Math.abs(x).toFixed(100).replace(/0+$/, '');   // every digit of the double, no rounding
  const [whole, frac = ''] = exact.split('.');
  let digits = (whole + frac).replace(/^0+(?=\d)/, ''), point = digits.length - frac.length;   // value = 0.digits * 10**point
  if (digits === '' || /^0*$/.test(digits)) { digits = '0'; point = 1; }
  const round = (keep) => {   // keep `keep` digits of `digits`, half to even; return [digits, point]
    if (keep < 0) return ['0', point - keep + 1];
    if (digits.length <= keep) return [digits.padEnd(keep, '0'), point];
    const rest = digits.slice(keep), up = rest[0] > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || (keep > 0 && digits[keep - 1] % 2 === 1)));
    let d = digits.slice(0, keep).split('').map(Number), pt = point;
    if (up) {
      let i = d.length - 1;
      for (; i >= 0 && d[i] === 9; i--) d[i] = 0;
      if (i < 0) { d.unshift(1); pt += 1; } else d[i] += 1;
    }
    return [d.join('') || '0', pt];
  };
  const fixed = (decimals) => {   // digits rounded to `decimals` places after the point
    let [d, pt] = round(point + decimals);
    if (pt <= 0) { d = '0'.repeat(1 - pt) + d; pt = 1; }
    const s = d.padEnd(pt + decimals, '0');
    return s.slice(0, pt) + (decimals ? '.' + s.slice(pt, pt + decimals) : '');
  };
  const strip = (s) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);
  const zero = /^0*$/.test(digits.replace('.', ''));
  if (kind === 'f') return sign + fixed(Number(p));
  const prec = Math.max(Number(p), 1);
  if (zero) return sign + '0';
  const [d, pt] = round(prec), exp = pt - 1;
  if (exp >= -4 && exp < prec) return sign + strip(fixed(prec - 1 - exp));
  const mant = strip(d[0] + '.' + d.slice(1, prec));
  return `${sign}${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

// Python's repr of a float, as a quiz's feedback writes the number typed
export function pyRepr(x) {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const [mant, e] = Math.abs(x).toExponential().split('e'), exp = Number(e), sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const digits = mant.replace('.', '');
  if (exp < -4 || exp >= 16) return `${sign}${digits[0]}${digits.length > 1 ? '.' + digits.slice(1) : ''}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0'), frac = digits.slice(exp + 1);
  return `${sign}${whole}.${frac || '0'}`;
}

// Python's float() of a string, or null where Python's would fail
export function pyFloat(text) {
  const s = text.trim();
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(s)) return NaN;
  const ok = /^[+-]?(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)([eE][+-]?\d+(_\d+)*)?$/.test(s);
  return ok ? Number(s.replace(/_/g, '')) : null;
}

// lessonlib.quiz.parse_number: [value, half a unit of the last typed digit, significant digits] of a typed number
// (1/3, 23,581, 23 581, 0,5, 50%, 1e-3), or [null, null, null]
export function parseNumber(text) {
  let s = String(text).trim().replace(/\u2212/g, '-').replace(/\u2009/g, ' ').replace(/\u00a0/g, ' ');
  const scale = s.endsWith('%') ? 0.01 : 1;
  s = s.replace(/%+$/, '').trim();
  if (/^[-+]?[1-9]\d{0,2}([, ]\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/[, ]/g, '');
  else if (/^[-+]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  let m = s.match(/^([-+]?\d+)\s*\/\s*(\d+)$/);
  if (m) return Number(m[2]) ? [Number(m[1]) / Number(m[2]), 0, Infinity] : [null, null, null];
  m = s.match(/^[-+]?(\d*)\.?(\d*)(?:[eE]([-+]?\d+))?$/);
  if (!m || !(m[1] || m[2])) return [null, null, null];
  const digits = (m[1] + m[2]).replace(/^0+/, '') || '0';   // powers of ten as Number('1e-4'): 10 ** -4 is not 1e-4 here
  const value = Number(s) * scale;
  if (!Number.isFinite(value)) return [null, null, null];   // 1e999: too large for a number
  return [value, 0.5 * Number(`1e${Math.max(Number(m[3] || 0) - m[2].length, -400)}`) * scale, digits.length];
}

// lessonlib.quiz.Quiz._accepts: whether the typed number is the answer `q.right` (to `q.decimals` places, when the
// question asks for them, and right to every digit typed; otherwise to the digits typed, at least two, unless the answer is a whole number)
export function quizAccepts(text, q) {
  const [v, half, digits] = parseNumber(text);
  if (v === null) return null;
  if (Math.abs(v - q.right) <= Math.max(1e-9 * Math.max(Math.abs(v), Math.abs(q.right)), 1e-12)) return true;
  if (q.decimals !== null && q.decimals !== undefined)   // to the decimals asked, and right to every digit typed
    return Math.abs(v - q.right) <= Math.min(0.5 * Number(`1e${-q.decimals}`), half) * (1 + 1e-9) + 1e-12;
  return !Number.isInteger(q.right) && digits >= 2 && Math.abs(v - q.right) <= half * (1 + 1e-9);
}
