// The Trino functions the sandbox's Athena runs, and how each reaches DuckDB: under the same name when the
// two engines agree, renamed, or through a macro installed with the engine. A function Trino has and the
// sandbox does not is refused by name (NOT_SUPPORTED); a name Trino does not know is FUNCTION_NOT_FOUND.

export interface FunctionRule {
  /** DuckDB's name for it (the same name when absent). */
  to?: string;
  /** Arguments appended before the closing parenthesis, by the number of arguments given. */
  append?: Record<number, string>;
  /** 1-based position of an argument that must be a date format literal, rewritten from MySQL's specifiers. */
  dateFormatArg?: number;
  /** Argument counts accepted; others are NOT_SUPPORTED (a form of the function the sandbox lacks). */
  arity?: number[];
  /** 1-based position of a regular expression replacement literal, rewritten from Java's $1 to RE2's \1. */
  replacementArg?: number;
}

const same: FunctionRule = {};

/** Functions with the same name and meaning in both engines. */
const SAME = [
  // aggregates
  'count', 'sum', 'avg', 'min', 'max', 'stddev', 'stddev_samp', 'stddev_pop', 'variance', 'var_samp', 'var_pop', 'corr', 'covar_pop',
  'covar_samp', 'count_if', 'bool_and', 'bool_or', 'array_agg', 'max_by', 'min_by', 'any_value', 'geometric_mean', 'kurtosis', 'skewness',
  // window
  'row_number', 'rank', 'dense_rank', 'ntile', 'lag', 'lead', 'first_value', 'last_value', 'nth_value', 'percent_rank', 'cume_dist',
  // math
  'abs', 'ceil', 'ceiling', 'floor', 'round', 'sqrt', 'cbrt', 'power', 'pow', 'exp', 'ln', 'log2', 'log10', 'sign', 'pi', 'random',
  'radians', 'degrees', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'greatest', 'least', 'mod', 'is_nan', 'is_finite', 'is_infinite',
  // strings
  'lower', 'upper', 'length', 'substr', 'substring', 'trim', 'ltrim', 'rtrim', 'lpad', 'rpad', 'replace', 'reverse', 'concat', 'concat_ws',
  'split_part', 'strpos', 'position', 'starts_with', 'chr',
  // conditionals
  'coalesce', 'nullif', 'if',
  // dates and times
  'date_trunc', 'date_diff', 'year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'now', 'extract',
  // json
  'json_extract', 'json_array_length',
  // misc
  'typeof', 'uuid', 'unnest', 'row',
];

export const FUNCTIONS: Record<string, FunctionRule> = {
  ...Object.fromEntries(SAME.map((n) => [n, same])),
  approx_distinct: { to: 'approx_count_distinct', arity: [1] },
  approx_percentile: { to: 'approx_quantile', arity: [2] },
  arbitrary: { to: 'any_value' },
  every: { to: 'bool_and' },
  regexp_like: { to: 'regexp_matches' },
  regexp_extract: { to: '__trino_regexp_extract', arity: [2, 3] },
  // Trino replaces every match and writes groups as $1; the sandbox passes the 'g' flag.
  regexp_replace: { append: { 2: ", '', 'g'", 3: ", 'g'" }, arity: [2, 3], replacementArg: 3 },
  cardinality: { to: 'len' },
  contains: { to: 'list_contains' },
  array_distinct: { to: 'list_distinct' },
  array_max: { to: 'list_max' },
  array_min: { to: 'list_min' },
  array_sort: { to: 'list_sort', arity: [1] },
  array_position: { to: 'list_position' },
  array_join: { to: 'array_to_string', arity: [2] },
  split: { to: 'string_split', arity: [2] },
  codepoint: { to: 'unicode' },
  levenshtein_distance: { to: 'levenshtein' },
  hamming_distance: { to: 'hamming' },
  truncate: { to: 'trunc', arity: [1] },
  rand: { to: 'random', arity: [0] },
  day_of_month: { to: 'dayofmonth' },
  day_of_week: { to: 'isodow' },
  dow: { to: 'isodow' },
  day_of_year: { to: 'dayofyear' },
  doy: { to: 'dayofyear' },
  week_of_year: { to: 'weekofyear' },
  year_of_week: { to: 'isoyear' },
  yow: { to: 'isoyear' },
  last_day_of_month: { to: 'last_day' },
  to_unixtime: { to: 'epoch' },
  from_unixtime: { to: '__trino_from_unixtime', arity: [1] },
  from_iso8601_timestamp: { to: '__trino_from_iso8601_timestamp' },
  from_iso8601_date: { to: '__trino_from_iso8601_date' },
  date: { to: '__trino_date' },
  date_add: { to: '__trino_date_add' },
  date_parse: { to: 'strptime', dateFormatArg: 2, arity: [2] },
  date_format: { to: 'strftime', dateFormatArg: 2, arity: [2] },
  json_extract_scalar: { to: 'json_extract_string' },
  json_parse: { to: 'json' },
  json_format: { to: '__trino_json_format' },
};

/** Trino functions the sandbox does not run: refused as NOT_SUPPORTED rather than "not registered". */
export const KNOWN_UNSUPPORTED = new Set([
  'format_datetime', 'parse_datetime', 'to_iso8601', 'at_timezone', 'with_timezone', 'timezone_hour', 'timezone_minute', 'current_timezone',
  'to_milliseconds', 'parse_duration', 'human_readable_seconds', 'histogram', 'map_agg', 'multimap_agg', 'map_union', 'approx_most_frequent',
  'approx_set', 'merge', 'numeric_histogram', 'checksum', 'listagg', 'reduce_agg', 'transform', 'filter', 'reduce', 'zip', 'zip_with',
  'transform_keys', 'transform_values', 'map_filter', 'any_match', 'all_match', 'none_match', 'sequence', 'slice', 'element_at', 'flatten',
  'array_union', 'array_intersect', 'array_except', 'arrays_overlap', 'array_remove', 'shuffle', 'repeat', 'combinations', 'ngrams',
  'map', 'map_keys', 'map_values', 'map_entries', 'map_from_entries', 'map_concat', 'url_extract_host', 'url_extract_path',
  'url_extract_parameter', 'url_extract_protocol', 'url_extract_port', 'url_extract_query', 'url_extract_fragment', 'url_encode', 'url_decode',
  'md5', 'sha1', 'sha256', 'sha512', 'xxhash64', 'crc32', 'to_hex', 'from_hex', 'to_base64', 'from_base64', 'to_utf8', 'from_utf8',
  'format', 'try', 'normalize', 'soundex', 'word_stem', 'regexp_extract_all', 'regexp_split', 'regexp_count', 'regexp_position',
  'json_size', 'json_array_contains', 'json_array_get', 'is_json_scalar', 'json_query', 'json_value', 'json_exists', 'json_object',
  'json_array', 'width_bucket', 'bitwise_and', 'bitwise_or', 'bitwise_xor', 'bitwise_not', 'infinity', 'nan', 'e',
  'beta_cdf', 'inverse_beta_cdf', 'normal_cdf', 'inverse_normal_cdf', 'wilson_interval_lower', 'wilson_interval_upper', 'cosine_similarity',
  'st_point', 'st_distance', 'st_contains', 'st_geometryfromtext', 'st_astext', 'great_circle_distance', 'to_geometry', 'bing_tile',
  'classify', 'features', 'learn_classifier', 'evaluate_classifier_predictions', 'approx_percentile_array', 'value_at_quantile',
  'tdigest_agg', 'qdigest_agg', 'make_set_digest', 'merge_set_digest', 'hash_counts', 'jaccard_index', 'intersection_cardinality',
  'localtime', 'current_time', 'current_user', 'current_catalog', 'current_schema', 'version', 'luhn_check', 'char2hexint',
]);

/**
 * Macros giving DuckDB the Trino functions it lacks. Installed once per engine, before its configuration is
 * locked; the `__trino_` prefix keeps them out of a user's way.
 */
export const MACROS = [
  // Trino reads an ISO 8601 text in UTC when it has no offset; the session runs in UTC.
  `CREATE MACRO __trino_from_iso8601_timestamp(s) AS CAST(s AS TIMESTAMPTZ)`,
  `CREATE MACRO __trino_from_iso8601_date(s) AS CAST(s AS DATE)`,
  `CREATE MACRO __trino_from_unixtime(x) AS to_timestamp(x)`,
  `CREATE MACRO __trino_date(x) AS CAST(x AS DATE)`,
  `CREATE MACRO __trino_json_format(j) AS CAST(j AS VARCHAR)`,
  // Trino answers NULL when the pattern does not match (DuckDB answers '').
  `CREATE MACRO __trino_regexp_extract(s, p) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p) END,
     (s, p, g) AS CASE WHEN regexp_matches(s, p) THEN regexp_extract(s, p, g) END`,
  `CREATE MACRO __trino_date_add(unit, n, t) AS CASE lower(unit)
     WHEN 'millisecond' THEN t + to_milliseconds(n) WHEN 'second' THEN t + to_seconds(n) WHEN 'minute' THEN t + to_minutes(n)
     WHEN 'hour' THEN t + to_hours(n) WHEN 'day' THEN t + to_days(n) WHEN 'week' THEN t + to_weeks(n)
     WHEN 'month' THEN t + to_months(n) WHEN 'quarter' THEN t + to_months(3 * n) WHEN 'year' THEN t + to_years(n)
     ELSE error('INVALID_FUNCTION_ARGUMENT: ''' || unit || ''' is not a valid TIMESTAMP field') END`,
];

/**
 * Trino's date_parse/date_format specifiers (MySQL's) as strptime/strftime's. Returns undefined with the
 * specifier the sandbox cannot translate.
 */
export function translateDateFormat(format: string): { ok: true; format: string } | { ok: false; specifier: string } {
  const map: Record<string, string> = {
    a: '%a', b: '%b', c: '%-m', d: '%d', e: '%-d', f: '%f', H: '%H', h: '%I', I: '%I', i: '%M', j: '%j', k: '%-H', l: '%-I', M: '%B',
    m: '%m', p: '%p', r: '%I:%M:%S %p', S: '%S', s: '%S', T: '%H:%M:%S', v: '%V', W: '%A', Y: '%Y', y: '%y', '%': '%%',
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i]!;
    if (c !== '%') {
      out += c;
      continue;
    }
    const spec = format[++i];
    if (spec === undefined) return { ok: false, specifier: '%' };
    const to = map[spec];
    if (!to) return { ok: false, specifier: `%${spec}` };
    out += to;
  }
  return { ok: true, format: out };
}

/** A Java regex replacement (`$1` a group, `\$` a dollar) as RE2 writes it (`\1`, `$`). */
export function translateReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\' && i + 1 < replacement.length) {
      const next = replacement[++i]!;
      out += next === '\\' ? '\\\\' : next;
      continue;
    }
    const group = c === '$' ? /^\d+/.exec(replacement.slice(i + 1)) : null;
    if (group) {
      out += `\\${group[0]}`;
      i += group[0].length;
      continue;
    }
    out += c;
  }
  return out;
}
