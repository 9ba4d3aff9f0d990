// The JSONException text the OpenX JSON SerDe puts in "Row is not a valid JSON Object - JSONException: ...",
// produced the way its bundled org.json tokenizer fails: the first problem met reading one object, with the
// count of characters read ("at 14 [character 15 line 1]").

export function orgJsonError(text: string): string {
  let index = 0;
  const fail = (message: string): never => {
    throw new Error(`${message} at ${index} [character ${index + 1} line 1]`);
  };
  const next = (): string => {
    if (index >= text.length) return '';
    return text[index++]!;
  };
  const back = () => {
    if (index > 0) index--;
  };
  const nextClean = (): string => {
    for (;;) {
      const c = next();
      if (c === '' || c > ' ') return c;
    }
  };
  const string = (q: string): string => {
    let out = '';
    for (;;) {
      const c = next();
      if (c === '' || c === '\n' || c === '\r') fail('Unterminated string');
      if (c === '\\') {
        const e = next();
        if (e === 'u') {
          const hex = text.slice(index, index + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Illegal escape.');
          index += 4;
        } else if (!'btnfr"\'\\/'.includes(e) || e === '') fail('Illegal escape.');
        out += e;
        continue;
      }
      if (c === q) return out;
      out += c;
    }
  };
  const value = (): unknown => {
    const c = nextClean();
    if (c === '"' || c === "'") return string(c);
    if (c === '{') {
      back();
      return object();
    }
    if (c === '[') {
      back();
      return array();
    }
    let s = '';
    let d = c;
    while (d !== '' && d >= ' ' && !',:]}/\\"[{;=#'.includes(d)) {
      s += d;
      d = next();
    }
    back();
    if (s.trim() === '') fail('Missing value');
    return s;
  };
  const array = (): unknown => {
    if (nextClean() !== '[') fail("A JSONArray text must start with '['");
    if (nextClean() === ']') return [];
    back();
    for (;;) {
      if (nextClean() === ',') back();
      else {
        back();
        value();
      }
      const c = nextClean();
      if (c === ',' || c === ';') {
        if (nextClean() === ']') return [];
        back();
        continue;
      }
      if (c === ']') return [];
      fail("Expected a ',' or ']'");
    }
  };
  const object = (): unknown => {
    if (nextClean() !== '{') fail("A JSONObject text must begin with '{'");
    for (;;) {
      let c = nextClean();
      if (c === '') fail("A JSONObject text must end with '}'");
      if (c === '}') return {};
      back();
      value();
      c = nextClean();
      if (c === '=') {
        if (next() !== '>') back();
      } else if (c !== ':') fail("Expected a ':' after a key");
      value();
      c = nextClean();
      if (c === ';' || c === ',') {
        if (nextClean() === '}') return {};
        back();
        continue;
      }
      if (c === '}') return {};
      fail("Expected a ',' or '}'");
    }
  };
  try {
    object();
  } catch (err) {
    return (err as Error).message;
  }
  // org.json read an object where DuckDB's stricter parser did not (unquoted names, single quotes).
  return `A JSONObject text must end with '}' at ${text.length} [character ${text.length + 1} line 1]`;
}
