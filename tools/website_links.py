"""The website's link checker: every link and image inside the built site must lead somewhere.

    python tools/website_links.py [_site/html]     list what is broken (tools/website.py runs it after each build)

A link to a missing page or file, or to an `#anchor` that its page does not have, is broken; so is a file that a
widget loads (`data-src`, `data-net`: a precomputed figure, the pad's weights). Links that leave the site are not
followed (the site is checked offline)."""
import json, sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ASSET_ATTRS = ('data-src', 'data-net-src')   # files a widget's JavaScript loads (tools/site/_static/lessonlib-widgets.js)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(); self.ids, self.links = set(), []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get('id'): self.ids.add(a['id'])
        if tag == 'a' and a.get('name'): self.ids.add(a['name'])
        for k in ('href', 'src') + ASSET_ATTRS:
            if a.get(k) and not (tag == 'link' and a.get('rel') == 'canonical'): self.links.append((tag, a[k]))
        if a.get('data-srcs'):   # a precomputed figure: one file per position of its controls
            self.links += [(tag, s) for s in json.loads(a['data-srcs'])]


def check_links(html_dir) -> list:
    "Every link and image inside the site at `html_dir` that leads nowhere: a missing file or a missing `#anchor`"
    html_dir, parsed = Path(html_dir), {}
    def parse(p):
        if p not in parsed:
            parsed[p] = _Links(); parsed[p].feed(p.read_text(encoding='utf-8', errors='replace'))
        return parsed[p]
    broken = []
    for page in sorted(p for p in html_dir.rglob('*.html') if p.relative_to(html_dir).parts[0] != '_static'):   # not the theme's templates
        for tag, link in parse(page).links:
            u = urlsplit(link)
            if u.scheme or link.startswith('//') or link.startswith('data:'): continue   # outside the site
            target = (page.parent/unquote(u.path)).resolve() if u.path else page
            if target.is_dir(): target = target/'index.html'
            rel = page.relative_to(html_dir)
            if not target.exists(): broken.append(f'{rel}: {link} (no such file)')
            elif u.fragment and target.suffix == '.html' and unquote(u.fragment) not in parse(target).ids:
                broken.append(f'{rel}: {link} (no such anchor)')
    return broken


if __name__ == '__main__':
    found = check_links(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent/'_site'/'html')
    print('\n'.join(found) or 'no broken links')
    sys.exit(1 if found else 0)
