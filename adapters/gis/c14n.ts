// Exclusive XML Canonicalization 1.0 without comments (https://www.w3.org/TR/xml-exc-c14n/) of one element
// of a document the hub rendered itself, in one pass over the string: a 1,000-item message is
// canonicalised without building a DOM (parsing it with xmldom took most of the signing time). The rules:
// namespace declarations only where visibly used and not already rendered by an output ancestor, sorted by
// prefix; attributes sorted by namespace URI then local name; empty elements as start and end tags; text and
// attribute values escaped as C14N says. Only the markup our renderer writes is read (elements, double-quoted
// attributes, text, character references); anything else returns null and the caller takes the DOM path.
// The simulator checks the result with xml-crypto's canonicaliser, so a difference fails the tests.

const escText = (s: string) =>
  s.replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#xD;'));
const escAttr = (s: string) =>
  s.replace(
    /[&<"\r\n\t]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '"': '&quot;', '\r': '&#xD;', '\n': '&#xA;', '\t': '&#x9;' })[c]!,
  );
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.indexOf('&') < 0
    ? s
    : s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
        e[0] === '#'
          ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
          : ENTITIES[e]!,
      );

export interface Canonicalized {
  /** The element with the Id, canonicalised. */
  canonical: string;
  /** Namespace declarations in scope at that element (its own and its ancestors'), prefix → URI ('' = default). */
  inScope: Record<string, string>;
  /** Where the element's start tag ends in the input (to insert an enveloped signature). */
  contentStart: number;
}

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>|<\?xml[^?]*\?>|([^<]+)|(<)/g;
const ATTR = /([A-Za-z_][\w.:-]*)="([^"<]*)"/g;

export function canonicalizeById(xml: string, id: string): Canonicalized | null {
  const out: string[] = [];
  const scopes: Record<string, string>[] = [{}];
  const rendered: Record<string, string>[] = [];
  let depth = -1;
  let inScope: Record<string, string> | undefined;
  let contentStart = -1;
  const idAttr = `Id="${id}"`;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[6]) return null; // a comment, CDATA, doctype or processing instruction: not ours
    if (m[5] !== undefined) {
      if (depth >= 0) out.push(escText(decode(m[5])));
      continue;
    }
    if (!m[2]) continue; // the XML declaration
    const name = m[2];
    if (m[1]) {
      scopes.pop();
      if (depth >= 0) {
        out.push(`</${name}>`);
        rendered.pop();
        if (--depth < 0) return inScope ? { canonical: out.join(''), inScope, contentStart } : null;
      }
      continue;
    }
    const selfClosing = m[4] === '/';
    const rawAttrs = m[3] ?? '';
    const parentScope = scopes[scopes.length - 1]!;
    let scope = parentScope;
    const attrs: { name: string; prefix: string; local: string; value: string }[] = [];
    if (rawAttrs) {
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(rawAttrs); a; a = ATTR.exec(rawAttrs)) {
        const [, attrName, raw] = a as unknown as [string, string, string];
        const value = decode(raw);
        if (attrName === 'xmlns' || attrName.startsWith('xmlns:')) {
          if (scope === parentScope) scope = { ...parentScope };
          scope[attrName === 'xmlns' ? '' : attrName.slice(6)] = value;
        } else {
          const colon = attrName.indexOf(':');
          attrs.push({
            name: attrName,
            prefix: colon < 0 ? '' : attrName.slice(0, colon),
            local: colon < 0 ? attrName : attrName.slice(colon + 1),
            value,
          });
        }
      }
    }
    if (depth < 0) {
      if (!rawAttrs.includes(idAttr) || !attrs.some((a) => a.name === 'Id' && a.value === id)) {
        if (!selfClosing) scopes.push(scope);
        continue;
      }
      inScope = scope;
      contentStart = TOKEN.lastIndex;
      rendered.push({});
    }
    depth++;
    const colon = name.indexOf(':');
    const prefix = colon < 0 ? '' : name.slice(0, colon);
    let mine = rendered[rendered.length - 1]!;
    let copied = false;
    const used = [prefix];
    for (const a of attrs) if (a.prefix && !used.includes(a.prefix)) used.push(a.prefix);
    const decls: [string, string][] = [];
    for (const p of used) {
      const uri = scope[p] ?? '';
      if (p && !uri) return null; // an undeclared prefix
      if ((mine[p] ?? '') !== uri) {
        decls.push([p, uri]);
        if (!copied) {
          mine = { ...mine };
          copied = true;
        }
        mine[p] = uri;
      }
    }
    if (decls.length > 1) decls.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    const uriOf = (a: { prefix: string }) => (a.prefix ? scope[a.prefix]! : '');
    if (attrs.length > 1) {
      attrs.sort((x, y) => {
        const ux = uriOf(x);
        const uy = uriOf(y);
        if (ux !== uy) return ux < uy ? -1 : 1;
        return x.local < y.local ? -1 : x.local > y.local ? 1 : 0;
      });
    }
    out.push(`<${name}`);
    for (const [p, u] of decls) out.push(p ? ` xmlns:${p}="${escAttr(u)}"` : ` xmlns="${escAttr(u)}"`);
    for (const a of attrs) out.push(` ${a.name}="${escAttr(a.value)}"`);
    out.push('>');
    if (selfClosing) {
      out.push(`</${name}>`);
      if (--depth < 0) return { canonical: out.join(''), inScope: inScope!, contentStart: -1 };
    } else {
      scopes.push(scope);
      rendered.push(mine);
    }
  }
  return null;
}
