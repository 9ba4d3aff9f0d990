// A crawler's exclude patterns: Glue's globs, matched against an object's path relative to the include
// path. `*` matches within one folder level, `**` across levels, `?` one character, `[abc]` / `[!abc]` a
// set, `{a,b}` alternatives, `\` escapes. A pattern that matches a folder excludes everything under it.

export type Excluder = (relativeKey: string) => boolean;

export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      out += escape(glob[++i]);
    } else if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        // `**/` also matches no folder at all.
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        let set = glob.slice(i + 1, end);
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        out += `[${set.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += escape(c);
  }
  out += ')'.repeat(braces);
  return new RegExp(`^${out}$`, 's');
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function excluder(patterns: string[]): Excluder {
  const regexes = patterns.filter((p) => p !== '').map(globToRegExp);
  if (regexes.length === 0) return () => false;
  return (relativeKey) => {
    if (regexes.some((r) => r.test(relativeKey))) return true;
    // The folders the object sits in: `a/`, `a/b/` (and without the slash).
    const parts = relativeKey.split('/');
    for (let n = 1; n < parts.length; n++) {
      const folder = parts.slice(0, n).join('/');
      if (regexes.some((r) => r.test(folder) || r.test(`${folder}/`))) return true;
    }
    return false;
  };
}
