/**
 * The route path a regular-expression path stands for (`app.get(/^\/admin\/.*$/, h)` in Express
 * and Koa): its literal beginning, then `*` when the expression goes on to match more. Undefined
 * when it starts with no literal `/...` text, so nothing can be said about its segments.
 */
/** `(admin|internal)` or `(?:admin|internal)` at the start of the text: a choice of plain words, followed by a `/` or the end. */
const WORD_CHOICES = /^\((?:\?:)?[\w-]+(?:\|[\w-]+)+\)(?=\\\/|\$|$)/;

export function regexPathOf(regexLiteral: string): string | undefined {
  const source = regexLiteral.slice(1, regexLiteral.lastIndexOf('/'));
  let i = source.startsWith('^') ? 1 : 0;
  let literal = '';
  let skip = 0;
  for (; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const escaped = source[i + 1] ?? '';
      // `\/`, `\.`, `\-`: the character itself; `\d`, `\w`, ...: a class, where the literal ends.
      if (!/[/.\-_~]/.test(escaped)) break;
      literal += escaped;
      i++;
    } else if (ch === '(' && literal.endsWith('/') && WORD_CHOICES.test(source.slice(i))) {
      // `^\/(admin|internal)\/stats$`: a segment that is one of these words, as a restricted parameter spells it.
      const group = WORD_CHOICES.exec(source.slice(i))?.[0] ?? '';
      literal += `:segment(${group.replace(/^\((?:\?:)?|\)$/g, '')})`;
      i += group.length - 1;
    } else if (/[.*+?()[\]{}|$^]/.test(ch)) {
      // `\/?`, `s*`: the character before may be absent, so it is not part of the literal.
      if (ch === '?' || ch === '*') {
        literal = literal.slice(0, -1);
        skip = 1;
      }
      break;
    } else literal += ch;
  }
  // Express and Koa test the expression anywhere in the path: unanchored, a literal word matches
  // where a segment starts (`/admin/` serves `/admin`), which names that segment.
  if (!source.startsWith('^') && /^\w/.test(literal)) literal = `/${literal}`;
  if (!literal.startsWith('/')) return undefined;
  const rest = source.slice(i + skip);
  // Nothing after the literal but an end anchor or an optional trailing slash: an exact path.
  const isExact = /^\$?$/.test(rest);
  const base = literal.length > 1 ? literal.replace(/\/+$/, '') : literal;
  return isExact ? base : `${base === '/' ? '' : base}/*`;
}
