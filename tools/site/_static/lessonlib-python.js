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
