/**
 * The authoring boundary: content is markup, never a program.
 *
 * - MDX may use the registered components (src/lib/mdx-components.ts) with literal props, and nothing
 *   else that runs: no import or export, no expressions other than literals and comments, no
 *   spread props, no unknown components.
 * - Raw HTML, in .md and .mdx alike, is limited to a few elements and attributes authors need.
 * - Links and images use https, http, mailto, tel or a path on the site; never javascript:,
 *   data: or any other scheme.
 *
 * These rules run in `npm run check` and, through the same function, in the build before any
 * content is rendered. MDX is never compiled to JavaScript (src/markdown/mdx-body.ts), so no
 * content reaches the build machine's JavaScript runtime as code.
 */
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { Nodes, Root } from 'mdast';
import { MDX_COMPONENT_NAMES, MDX_COMPONENT_PROPS, type MdxComponentName, type PropKind } from './mdx-components.ts';
import { MAX_BRACKET_DEPTH, MAX_LINE_NESTING, MAX_MDX_TAGS } from './limits.ts';

export interface MarkupProblem { line: number; message: string }

/**
 * Raw HTML elements authors may use, with the attributes each takes (besides `lang` and `title`).
 * Everything else has a Markdown form or a component, or is unsafe: links, images, scripts,
 * styles, frames, forms, meta.
 */
export const HTML_ELEMENTS: Record<string, readonly string[]> = {
  details: ['open'],
  summary: [],
  kbd: [],
  abbr: [],
  sup: [],
  sub: [],
  br: [],
  wbr: [],
  mark: [],
  small: [],
  s: [],
  del: ['datetime'],
  ins: ['datetime'],
  q: [],
  cite: [],
  var: [],
  samp: [],
  dl: [],
  dt: [],
  dd: [],
  figure: [],
  figcaption: [],
};
const GLOBAL_ATTRIBUTES = ['lang', 'title'];
const ELEMENT_LIST = Object.keys(HTML_ELEMENTS).map((e) => `<${e}>`).join(', ');

/** Schemes a link may use; a link without a scheme must be a path on the site. */
export const LINK_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'];

/** Why an element is refused, where a better way exists. */
const INSTEAD: Record<string, string> = {
  a: 'Write links in Markdown: [text](/playbooks/launch-a-channel/).',
  img: 'Write images in Markdown: ![what it shows](./image.png).',
  script: 'Pages cannot run scripts. If the hub needs behaviour, it is added as a reviewed component in src/lib/mdx-components.ts.',
  style: 'Pages cannot carry styles; the portal styles every element.',
  iframe: 'Link to the page instead of embedding it.',
  meta: 'Pages cannot carry <meta>: the portal writes the page head.',
  form: 'Link to the form instead.',
};

/**
 * The problem with a link or image URL, or undefined when its scheme is allowed. Control
 * characters and spaces are removed first, as browsers do, so `java\tscript:` is caught too.
 */
export function unsafeUrl(url: string): string | undefined {
  const compact = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  if (compact.startsWith('//')) return 'has no scheme. Write the address with https://.';
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(compact)?.[1]?.toLowerCase();
  if (!scheme || LINK_SCHEMES.includes(scheme)) return undefined;
  return `uses the link scheme "${scheme}", which the portal does not allow. Links use https, http, mailto, tel or a path on the site such as /playbooks/launch-a-channel/.`;
}

/**
 * Limits checked on the raw text before any parser sees it: the cases that crash or stall a
 * parser (deep nesting, very many tags) are refused here with the line they start on.
 */
export function checkLimits(body: string, { mdx, firstLine }: { mdx: boolean; firstLine: number }): MarkupProblem | undefined {
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const prefix = /^(?:[ \t]*(?:>|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/.exec(lines[i] ?? '')?.[0] ?? '';
    const depth = (prefix.match(/>|[*+-]|\d{1,9}[.)]/g) ?? []).length;
    if (depth > MAX_LINE_NESTING) {
      return { line: firstLine + i, message: `nests quotes or lists ${depth} levels deep; the limit is ${MAX_LINE_NESTING}. Flatten the structure.` };
    }
  }
  if (!mdx) return undefined;
  let depth = 0;
  let line = 0;
  let tags = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\n') line++;
    else if (c === '{' || c === '[' || c === '(') {
      if (++depth > MAX_BRACKET_DEPTH) {
        return { line: firstLine + line, message: `nests { [ ( more than ${MAX_BRACKET_DEPTH} levels deep; the limit is ${MAX_BRACKET_DEPTH}. Write the text without nesting, or escape braces as \\{ \\}.` };
      }
    } else if (c === '}' || c === ']' || c === ')') depth = Math.max(0, depth - 1);
    else if (c === '<' && /[A-Za-z]/.test(body[i + 1] ?? '') && ++tags > MAX_MDX_TAGS) {
      return { line: firstLine + line, message: `has more than ${MAX_MDX_TAGS} tags; the limit is ${MAX_MDX_TAGS}. Split it into several entries.` };
    }
  }
  return undefined;
}

/** A JavaScript literal (text, number, true/false/null, and lists and objects of those), or undefined. */
export function parseLiteral(source: string): { value: unknown } | undefined {
  let i = 0;
  const space = () => {
    while (i < source.length && /\s/.test(source[i] ?? '')) i++;
  };
  const fail = Symbol('fail');
  const value = (depth: number): unknown => {
    if (depth > MAX_BRACKET_DEPTH) return fail;
    space();
    const c = source[i];
    if (c === '"' || c === "'") {
      let out = '';
      for (i++; i < source.length && source[i] !== c; i++) {
        if (source[i] === '\n') return fail;
        if (source[i] === '\\') {
          const next = source[++i] ?? '';
          out += { n: '\n', t: '\t' }[next] ?? next;
        } else out += source[i];
      }
      if (source[i] !== c) return fail;
      i++;
      return out;
    }
    if (c === '[' || c === '{') {
      const list = c === '[';
      const close = list ? ']' : '}';
      const items: unknown[] = [];
      const fields: Record<string, unknown> = {};
      i++;
      for (;;) {
        space();
        if (source[i] === close) {
          i++;
          return list ? items : fields;
        }
        if (list) {
          const item = value(depth + 1);
          if (item === fail) return fail;
          items.push(item);
        } else {
          const key = /^(?:[A-Za-z_$][\w$]*|"[^"\n]*"|'[^'\n]*')/.exec(source.slice(i))?.[0];
          if (!key) return fail;
          i += key.length;
          space();
          if (source[i++] !== ':') return fail;
          const item = value(depth + 1);
          if (item === fail) return fail;
          fields[key.replace(/^["']|["']$/g, '')] = item;
        }
        space();
        if (source[i] === ',') i++;
        else if (source[i] !== close) return fail;
      }
    }
    const word = /^(?:-?\d+(?:\.\d+)?|true|false|null)/.exec(source.slice(i))?.[0];
    if (!word) return fail;
    i += word.length;
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : Number(word);
  };
  const result = value(0);
  space();
  return result === fail || i !== source.length ? undefined : { value: result };
}

const COMMENT = /^\s*(?:\/\*(?:(?!\*\/)[\s\S])*\*\/\s*)*$/;

/**
 * The text an MDX expression stands for when it is a literal text or number (`{"text"}`, `{42}`);
 * undefined for a comment, which shows nothing, and for anything else, which is code.
 */
export function literalText(source: string): string | undefined {
  const literal = parseLiteral(source)?.value;
  return typeof literal === 'string' || typeof literal === 'number' ? String(literal) : undefined;
}

/** Whether a prop value fits what the prop accepts. */
function fitsProp(kind: PropKind, value: unknown): boolean {
  if (kind === 'text') return typeof value === 'string';
  if (kind === 'list') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return typeof value === 'string' && kind.includes(value);
}

function describeKind(kind: PropKind): string {
  if (kind === 'text') return 'text in quotes, e.g. title="Before you post"';
  if (kind === 'list') return 'a list of texts, e.g. {["First", "Second"]}';
  return `one of: ${kind.join(', ')}`;
}

type JsxNode = Extract<Nodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>;

function checkComponent(node: JsxNode, name: MdxComponentName, line: number): MarkupProblem[] {
  const props = MDX_COMPONENT_PROPS[name];
  const problems: MarkupProblem[] = [];
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      problems.push({ line, message: `<${name} {${attr.value}}> passes computed props. Write each prop as name="text".` });
      continue;
    }
    const kind = props[attr.name];
    if (!kind) {
      const known = Object.keys(props);
      problems.push({ line, message: `<${name}> has no prop "${attr.name}". ${known.length ? `Its props are: ${known.join(', ')}.` : 'It takes no props.'}` });
      continue;
    }
    let value: unknown = attr.value;
    if (attr.value && typeof attr.value === 'object') {
      const literal = parseLiteral(attr.value.value);
      if (!literal) {
        problems.push({ line, message: `<${name} ${attr.name}={…}> computes its value. Give ${attr.name} ${describeKind(kind)}.` });
        continue;
      }
      value = literal.value;
    }
    if (!fitsProp(kind, value)) problems.push({ line, message: `<${name}> prop ${attr.name} must be ${describeKind(kind)}.` });
  }
  return problems;
}

/** No allowed attribute takes a URL or code, so only the name needs checking. */
function checkAttribute(element: string, name: string, line: number): MarkupProblem | undefined {
  const allowed = [...GLOBAL_ATTRIBUTES, ...(HTML_ELEMENTS[element] ?? [])];
  if (!allowed.includes(name.toLowerCase())) {
    return { line, message: `<${element}> may not have the attribute "${name}". Allowed here: ${allowed.join(', ')}.` };
  }
  return undefined;
}

function refusedElement(name: string, line: number): MarkupProblem {
  return { line, message: `uses <${name}>, which content may not contain. ${INSTEAD[name] ?? `Raw HTML is limited to ${ELEMENT_LIST}.`}` };
}

type P5Node = DefaultTreeAdapterMap['childNode'] | DefaultTreeAdapterMap['documentFragment'];

/** Check a raw HTML fragment, parsed the way a browser parses it, against the allowlist. */
function checkHtml(html: string, line: number): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  const stack: P5Node[] = [parseFragment(html)];
  while (stack.length) {
    const node = stack.pop()!;
    if ('tagName' in node) {
      if (!HTML_ELEMENTS[node.tagName]) {
        problems.push(refusedElement(node.tagName, line));
        continue;
      }
      for (const attr of node.attrs) {
        const problem = checkAttribute(node.tagName, attr.name, line);
        if (problem) problems.push(problem);
      }
    }
    if ('childNodes' in node) stack.push(...node.childNodes);
  }
  return problems;
}

/**
 * Every boundary problem in a parsed body: MDX code, components and props, raw HTML, and link
 * schemes. `offset` turns body lines into file lines. The walk is iterative: a deep tree is
 * refused by the depth limit, never by a stack overflow.
 */
export function checkMarkup(tree: Root, { offset }: { offset: number }): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  const known = new Set<string>(MDX_COMPONENT_NAMES);
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const line = (node.position?.start.line ?? 1) + offset;
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({ line, message: `"${node.value.split('\n')[0]?.slice(0, 60)}" is code, not content: MDX pages may not import or export. Components are available without an import; for anything else, ask the hub to add a reviewed component in src/lib/mdx-components.ts.` });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        if (COMMENT.test(node.value) || literalText(node.value) !== undefined) break;
        problems.push({ line, message: `{${node.value.slice(0, 40)}} is code, not content: MDX pages may not compute values. Write the text itself, or escape the braces as \\{ \\}.` });
        break;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (!name) problems.push({ line, message: 'uses a fragment <>…</>. Remove the empty tags.' });
        else if (known.has(name)) problems.push(...checkComponent(node, name as MdxComponentName, line));
        else if (/^[A-Z]/.test(name) || /[.:]/.test(name)) {
          problems.push({ line, message: `uses <${name}>, which is not a portal component. Use one of: ${MDX_COMPONENT_NAMES.join(', ')}.` });
        } else if (!HTML_ELEMENTS[name]) problems.push(refusedElement(name, line));
        else {
          for (const attr of node.attributes) {
            if (attr.type === 'mdxJsxExpressionAttribute') {
              problems.push({ line, message: `<${name} {${attr.value}}> passes computed attributes. Remove it.` });
              continue;
            }
            if (attr.value && typeof attr.value === 'object') {
              problems.push({ line, message: `<${name} ${attr.name}={…}> computes its value. Write ${attr.name}="text".` });
              continue;
            }
            const problem = checkAttribute(name, attr.name, line);
            if (problem) problems.push(problem);
          }
        }
        break;
      }
      case 'html':
        problems.push(...checkHtml(node.value, line));
        break;
      case 'link':
      case 'definition':
      case 'image': {
        const problem = unsafeUrl(node.url);
        if (problem) problems.push({ line, message: `the ${node.type === 'image' ? 'image' : 'link'} "${node.url.slice(0, 60)}" ${problem}` });
        break;
      }
      default:
        break;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return problems.sort((a, b) => a.line - b.line);
}
