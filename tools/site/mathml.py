"""Maths on the course website as MathML, written when the site is built (a Sphinx extension; conf.py loads it).
Browsers draw MathML themselves and screen readers read it, so the pages need no script for their maths:
Sphinx's default, MathJax, would be fetched from a CDN by every reader, and would show raw TeX offline."""
from docutils import nodes
from latex2mathml.converter import convert


def visit_math(self, node):
    self.body.append(f'<span class="math notranslate">{convert(node.astext())}</span>')
    raise nodes.SkipNode


def visit_displaymath(self, node):
    parts = [p for p in node.astext().split('\n\n') if p.strip()]   # one equation per paragraph, as MathJax reads them
    self.body.append('<div class="math notranslate">' + ''.join(convert(p, display='block') for p in parts) + '</div>')
    raise nodes.SkipNode


def setup(app):
    app.add_html_math_renderer('mathml', (visit_math, None), (visit_displaymath, None))
    return dict(parallel_read_safe=True, parallel_write_safe=True)
