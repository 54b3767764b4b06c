/**
 * A small reader for the YAML this project meets: electron-builder's `latest.yml` and our own
 * `electron-builder.yml`. Block mappings and sequences, plain/single/double-quoted scalars,
 * numbers, booleans, null, comments, and flow sequences of scalars (`[a, b]`). Anything else
 * (anchors, tags, block scalars, multi-documents) is refused with a line number rather than
 * guessed at.
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlSubsetError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

interface Line {
  indent: number;
  text: string;
  number: number;
}

export function parseYamlSubset(source: string): YamlValue {
  const lines: Line[] = [];
  source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (raw.includes('\t') && /^\s*\t/.test(raw))
        throw new YamlSubsetError('tabs are not allowed for indentation', i + 1);
      const text = stripComment(raw).trimEnd();
      if (text.trim() === '') return;
      if (text === '---' && lines.length === 0) return;
      if (text === '---' || text === '...')
        throw new YamlSubsetError('only one document is supported', i + 1);
      lines.push({ indent: text.length - text.trimStart().length, text: text.trim(), number: i + 1 });
    });
  if (lines.length === 0) return null;
  const state = { pos: 0 };
  const value = parseBlock(lines, state, lines[0]!.indent);
  if (state.pos < lines.length) throw new YamlSubsetError('unexpected indentation', lines[state.pos]!.number);
  return value;
}

function stripComment(raw: string): string {
  let quote: string | null = null;
  for (let i = 0; i < raw.length; i += 1) {
    const c = raw[i];
    if (quote) {
      if (c === quote) {
        if (quote === "'" && raw[i + 1] === "'") i += 1;
        else quote = null;
      } else if (c === '\\' && quote === '"') i += 1;
    } else if (c === '"' || c === "'") {
      const before = raw.slice(0, i).trimEnd();
      if (before === '' || /[:\-[,]$/.test(before)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(raw[i - 1] ?? ''))) {
      return raw.slice(0, i);
    }
  }
  return raw;
}

function parseBlock(lines: Line[], state: { pos: number }, indent: number): YamlValue {
  const first = lines[state.pos];
  if (!first) return null;
  if (first.text === '-' || first.text.startsWith('- ')) return parseSequence(lines, state, indent);
  return parseMapping(lines, state, indent);
}

function parseSequence(lines: Line[], state: { pos: number }, indent: number): YamlValue[] {
  const out: YamlValue[] = [];
  while (state.pos < lines.length) {
    const line = lines[state.pos]!;
    if (line.indent < indent) break;
    if (line.indent > indent) throw new YamlSubsetError('unexpected indentation', line.number);
    if (!(line.text === '-' || line.text.startsWith('- '))) break;
    const rest = line.text.slice(1).trimStart();
    if (rest === '') {
      state.pos += 1;
      const next = lines[state.pos];
      out.push(next && next.indent > indent ? parseBlock(lines, state, next.indent) : null);
      continue;
    }
    const itemIndent = indent + (line.text.length - rest.length);
    if (isMappingEntry(rest)) {
      // "- key: value" opens a mapping whose further keys sit at the item's indentation.
      lines[state.pos] = { indent: itemIndent, text: rest, number: line.number };
      out.push(parseMapping(lines, state, itemIndent));
    } else {
      out.push(parseScalar(rest, line.number));
      state.pos += 1;
    }
  }
  return out;
}

function isMappingEntry(text: string): boolean {
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = closingQuote(text);
    return end > 0 && /^:(\s|$)/.test(text.slice(end + 1));
  }
  if (text.startsWith('[') || text.startsWith('{')) return false;
  return /^[^:]+?:(\s|$)/.test(text);
}

function closingQuote(text: string): number {
  const q = text[0];
  for (let i = 1; i < text.length; i += 1) {
    if (q === '"' && text[i] === '\\') i += 1;
    else if (text[i] === q) {
      if (q === "'" && text[i + 1] === "'") i += 1;
      else return i;
    }
  }
  return -1;
}

function parseMapping(lines: Line[], state: { pos: number }, indent: number): { [key: string]: YamlValue } {
  const out: { [key: string]: YamlValue } = {};
  while (state.pos < lines.length) {
    const line = lines[state.pos]!;
    if (line.indent < indent) break;
    if (line.indent > indent) throw new YamlSubsetError('unexpected indentation', line.number);
    if (line.text.startsWith('- ') || line.text === '-') break;
    if (!isMappingEntry(line.text))
      throw new YamlSubsetError(`expected "key: value", got "${line.text}"`, line.number);
    let key: string;
    let rest: string;
    if (line.text.startsWith('"') || line.text.startsWith("'")) {
      const end = closingQuote(line.text);
      key = parseScalar(line.text.slice(0, end + 1), line.number) as string;
      rest = line.text.slice(end + 2).trim();
    } else {
      const colon = line.text.search(/:(\s|$)/);
      key = line.text.slice(0, colon).trim();
      rest = line.text.slice(colon + 1).trim();
    }
    if (key.startsWith('&') || key.startsWith('*') || key.startsWith('!') || key === '<<')
      throw new YamlSubsetError('anchors, aliases, tags and merge keys are not supported', line.number);
    if (Object.prototype.hasOwnProperty.call(out, key))
      throw new YamlSubsetError(`duplicate key "${key}"`, line.number);
    state.pos += 1;
    if (rest === '') {
      const next = lines[state.pos];
      if (
        next &&
        (next.indent > indent ||
          (next.indent === indent && (next.text.startsWith('- ') || next.text === '-')))
      ) {
        out[key] = parseBlock(lines, state, next.indent);
      } else {
        out[key] = null;
      }
    } else {
      out[key] = parseScalar(rest, line.number);
    }
  }
  return out;
}

function parseScalar(text: string, lineNumber: number): YamlValue {
  if (/^[|>]/.test(text)) throw new YamlSubsetError('block scalars (| and >) are not supported', lineNumber);
  if (/^[&*!]/.test(text))
    throw new YamlSubsetError('anchors, aliases and tags are not supported', lineNumber);
  if (text.startsWith('"')) {
    const end = closingQuote(text);
    if (end !== text.length - 1)
      throw new YamlSubsetError('unterminated or trailing text after a quoted string', lineNumber);
    try {
      return JSON.parse(text.replace(/\\\//g, '/')) as string;
    } catch {
      throw new YamlSubsetError('unsupported escape in a double-quoted string', lineNumber);
    }
  }
  if (text.startsWith("'")) {
    const end = closingQuote(text);
    if (end !== text.length - 1)
      throw new YamlSubsetError('unterminated or trailing text after a quoted string', lineNumber);
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new YamlSubsetError('unterminated flow sequence', lineNumber);
    const inner = text.slice(1, -1).trim();
    if (inner === '') return [];
    return inner.split(',').map((part) => parseScalar(part.trim(), lineNumber));
  }
  if (text === '{}') return {};
  if (text.startsWith('{')) throw new YamlSubsetError('flow mappings are not supported', lineNumber);
  if (text === 'null' || text === '~' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (/^[-+]?\d+$/.test(text)) return Number.parseInt(text, 10);
  if (/^[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number.parseFloat(text);
  return text;
}
