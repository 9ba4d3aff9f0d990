// MQTT topic filters and the FROM clause of IoT SQL: does a rule see the messages of a topic?

/** MQTT matching: `+` is one level, `#` (last) is any number of levels, including none. */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return i === f.length - 1;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}

/** The topic filter in `SELECT ... FROM 'filter' ...`, or undefined when the SQL has none. */
export function sqlTopicFilter(sql: string): string | undefined {
  const match = /\bFROM\s+(['"])(.*?)\1/i.exec(sql);
  return match?.[2];
}
