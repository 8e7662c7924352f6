/** Date and time functions of the F namespace. */
import { c, fn, l, Column, type ColumnOrName } from "./build.js";

const opt = (name: string, x: ColumnOrName, fmt?: string) => (fmt === undefined ? fn(name, c(x)) : fn(name, c(x), l(fmt)));

/** String (or timestamp) to DATE, with an optional Spark pattern. `F.to_date("s")`, `F.to_date("s", "dd/MM/yyyy")` */
export function to_date(x: ColumnOrName, format?: string): Column { return opt("to_date", x, format); }
/** String to TIMESTAMP. `F.to_timestamp("s", "yyyy-MM-dd HH:mm")` */
export function to_timestamp(x: ColumnOrName, format?: string): Column { return opt("to_timestamp", x, format); }
/** Like to_timestamp, null instead of an error. `F.try_to_timestamp("s", F.lit("dd/MM/yyyy"))` */
export function try_to_timestamp(x: ColumnOrName, format?: Column): Column { return format ? fn("try_to_timestamp", c(x), format.expr) : fn("try_to_timestamp", c(x)); }
/** Formats a date/timestamp with a Spark pattern. `F.date_format("ts", "yyyy-MM")` */
export function date_format(x: ColumnOrName, format: string): Column { return fn("date_format", c(x), l(format)); }
/** `F.year("d")` */
export function year(x: ColumnOrName): Column { return fn("year", c(x)); }
/** `F.quarter("d")` */
export function quarter(x: ColumnOrName): Column { return fn("quarter", c(x)); }
/** `F.month("d")` */
export function month(x: ColumnOrName): Column { return fn("month", c(x)); }
/** `F.dayofmonth("d")` */
export function dayofmonth(x: ColumnOrName): Column { return fn("dayofmonth", c(x)); }
/** `F.day("d")` */
export function day(x: ColumnOrName): Column { return fn("day", c(x)); }
/** 1 = Sunday ... 7 = Saturday. `F.dayofweek("d")` */
export function dayofweek(x: ColumnOrName): Column { return fn("dayofweek", c(x)); }
/** 0 = Monday ... 6 = Sunday. `F.weekday("d")` */
export function weekday(x: ColumnOrName): Column { return fn("weekday", c(x)); }
/** `F.dayofyear("d")` */
export function dayofyear(x: ColumnOrName): Column { return fn("dayofyear", c(x)); }
/** ISO week number. `F.weekofyear("d")` */
export function weekofyear(x: ColumnOrName): Column { return fn("weekofyear", c(x)); }
/** "Jan".."Dec". `F.monthname("d")` */
export function monthname(x: ColumnOrName): Column { return fn("monthname", c(x)); }
/** "Mon".."Sun". `F.dayname("d")` */
export function dayname(x: ColumnOrName): Column { return fn("dayname", c(x)); }
/** `F.hour("ts")` */
export function hour(x: ColumnOrName): Column { return fn("hour", c(x)); }
/** `F.minute("ts")` */
export function minute(x: ColumnOrName): Column { return fn("minute", c(x)); }
/** `F.second("ts")` */
export function second(x: ColumnOrName): Column { return fn("second", c(x)); }
/** Days from start to end. `F.datediff("end", "start")` */
export function datediff(end: ColumnOrName, start: ColumnOrName): Column { return fn("datediff", c(end), c(start)); }
/** `F.date_diff("end", "start")` */
export function date_diff(end: ColumnOrName, start: ColumnOrName): Column { return fn("date_diff", c(end), c(start)); }
/** `F.date_add("d", 7)` */
export function date_add(x: ColumnOrName, days: number | Column): Column { return fn("date_add", c(x), l(days)); }
/** `F.dateadd("d", 7)` */
export function dateadd(x: ColumnOrName, days: number | Column): Column { return fn("dateadd", c(x), l(days)); }
/** `F.date_sub("d", 7)` */
export function date_sub(x: ColumnOrName, days: number | Column): Column { return fn("date_sub", c(x), l(days)); }
/** Same day n months later (clamped to the month's end). `F.add_months("d", 1)` */
export function add_months(x: ColumnOrName, months: number | Column): Column { return fn("add_months", c(x), l(months)); }
/** `F.months_between("end", "start")` */
export function months_between(end: ColumnOrName, start: ColumnOrName, roundOff = true): Column { return fn("months_between", c(end), c(start), l(roundOff)); }
/** `F.last_day("d")` */
export function last_day(x: ColumnOrName): Column { return fn("last_day", c(x)); }
/** First given weekday after the date. `F.next_day("d", "Mon")` */
export function next_day(x: ColumnOrName, dayOfWeek: string): Column { return fn("next_day", c(x), l(dayOfWeek)); }
/** Truncates a date to "year", "quarter", "month" or "week". `F.trunc("d", "month")` */
export function trunc(x: ColumnOrName, format: string): Column { return fn("trunc", c(x), l(format)); }
/** Truncates a timestamp ("year" ... "second"). `F.date_trunc("hour", "ts")` */
export function date_trunc(format: string, x: ColumnOrName): Column { return fn("date_trunc", l(format), c(x)); }
/** Seconds since the epoch (now when called without arguments). `F.unix_timestamp("s", "yyyy-MM-dd")` */
export function unix_timestamp(x?: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column {
  return x === undefined ? fn("unix_timestamp") : fn("unix_timestamp", c(x), l(format));
}
/** `F.to_unix_timestamp("s", F.lit("yyyy-MM-dd"))` */
export function to_unix_timestamp(x: ColumnOrName, format?: Column): Column { return format ? fn("to_unix_timestamp", c(x), format.expr) : fn("to_unix_timestamp", c(x)); }
/** Epoch seconds to text. `F.from_unixtime("secs")` */
export function from_unixtime(x: ColumnOrName, format = "yyyy-MM-dd HH:mm:ss"): Column { return fn("from_unixtime", c(x), l(format)); }
/** Epoch seconds to TIMESTAMP. `F.timestamp_seconds("secs")` */
export function timestamp_seconds(x: ColumnOrName): Column { return fn("timestamp_seconds", c(x)); }
/** `F.make_date("y", "m", "d")` */
export function make_date(y: ColumnOrName, m: ColumnOrName, d: ColumnOrName): Column { return fn("make_date", c(y), c(m), c(d)); }
/** `F.make_timestamp("y", "mo", "d", "h", "mi", "s")` */
export function make_timestamp(y: ColumnOrName, mo: ColumnOrName, d: ColumnOrName, h: ColumnOrName, mi: ColumnOrName, s: ColumnOrName, tz?: ColumnOrName): Column {
  const args = [y, mo, d, h, mi, s].map(c);
  return tz === undefined ? fn("make_timestamp", ...args) : fn("make_timestamp", ...args, c(tz));
}
/** A missing interval part is PySpark's `lit(0)`, so the column reads `make_dt_interval(d, 0, 0, 0)`. */
const parts = (xs: readonly (ColumnOrName | undefined)[]) => xs.map((x) => (x === undefined ? l(0) : c(x)));
/** Legacy calendar interval. `F.make_interval("y", "mo", "w", "d", "h", "mi", "s")`; omitted parts are 0. */
export function make_interval(years?: ColumnOrName, months?: ColumnOrName, weeks?: ColumnOrName, days?: ColumnOrName, hours?: ColumnOrName, mins?: ColumnOrName, secs?: ColumnOrName): Column {
  return fn("make_interval", ...parts([years, months, weeks, days, hours, mins, secs]));
}
/** INTERVAL DAY TO SECOND. `F.make_dt_interval("d", "h", "mi", "s")`; omitted parts are 0. */
export function make_dt_interval(days?: ColumnOrName, hours?: ColumnOrName, mins?: ColumnOrName, secs?: ColumnOrName): Column {
  return fn("make_dt_interval", ...parts([days, hours, mins, secs]));
}
/** INTERVAL YEAR TO MONTH. `F.make_ym_interval("y", "mo")`; omitted parts are 0. */
export function make_ym_interval(years?: ColumnOrName, months?: ColumnOrName): Column {
  return fn("make_ym_interval", ...parts([years, months]));
}
/** Today in the session time zone (fixed per query). `F.current_date()` */
export function current_date(): Column { return fn("current_date"); }
/** Now (fixed per query). `F.current_timestamp()` */
export function current_timestamp(): Column { return fn("current_timestamp"); }
/** `F.now()` */
export function now(): Column { return fn("now"); }
/** Same as current_date. `F.curdate()` */
export function curdate(): Column { return fn("curdate"); }
/** `F.localtimestamp()` */
export function localtimestamp(): Column { return fn("localtimestamp"); }
/** Days since 1970-01-01. `F.unix_date("d")` */
export function unix_date(x: ColumnOrName): Column { return fn("unix_date", c(x)); }
/** Microseconds since the epoch to TIMESTAMP. `F.timestamp_micros("us")` */
export function timestamp_micros(x: ColumnOrName): Column { return fn("timestamp_micros", c(x)); }
/** Milliseconds since the epoch to TIMESTAMP. `F.timestamp_millis("ms")` */
export function timestamp_millis(x: ColumnOrName): Column { return fn("timestamp_millis", c(x)); }
/** `F.unix_micros("ts")` */
export function unix_micros(x: ColumnOrName): Column { return fn("unix_micros", c(x)); }
/** `F.unix_millis("ts")` */
export function unix_millis(x: ColumnOrName): Column { return fn("unix_millis", c(x)); }
/** `F.unix_seconds("ts")` */
export function unix_seconds(x: ColumnOrName): Column { return fn("unix_seconds", c(x)); }
/** Days since 1970-01-01 to DATE. `F.date_from_unix_date("days")` */
export function date_from_unix_date(x: ColumnOrName): Column { return fn("date_from_unix_date", c(x)); }
/** Shows a UTC instant as wall time in tz. `F.from_utc_timestamp("ts", "Asia/Jakarta")` */
export function from_utc_timestamp(x: ColumnOrName, tz: string | Column): Column { return fn("from_utc_timestamp", c(x), l(tz)); }
/** Reads wall time in tz as UTC. `F.to_utc_timestamp("ts", "Asia/Jakarta")` */
export function to_utc_timestamp(x: ColumnOrName, tz: string | Column): Column { return fn("to_utc_timestamp", c(x), l(tz)); }
/** A field of a date/timestamp. `F.date_part(F.lit("YEAR"), "d")` */
export function date_part(field: Column, x: ColumnOrName): Column { return fn("date_part", field.expr, c(x)); }
/** Same as date_part. `F.extract(F.lit("MONTH"), "d")` */
export function extract(field: Column, x: ColumnOrName): Column { return fn("extract", field.expr, c(x)); }
/** Same as date_part. `F.datepart(F.lit("DAY"), "d")` */
export function datepart(field: Column, x: ColumnOrName): Column { return fn("datepart", field.expr, c(x)); }
/** The session time zone. `F.current_timezone()` */
export function current_timezone(): Column { return fn("current_timezone"); }
/** The tumbling time window of a timestamp, as struct<start, end>. `df.groupBy(F.window("ts", "10 minutes"))` */
export function window(timeColumn: ColumnOrName, windowDuration: string, slideDuration?: string, startTime?: string): Column {
  const args = [c(timeColumn), l(windowDuration)];
  if (slideDuration !== undefined || startTime !== undefined) args.push(l(slideDuration ?? windowDuration));
  if (startTime !== undefined) args.push(l(startTime));
  return fn("window", ...args);
}
/** to_timestamp under its explicit name (TIMESTAMP). `F.to_timestamp_ltz("s")` */
export function to_timestamp_ltz(x: ColumnOrName, format?: ColumnOrName): Column {
  return format === undefined ? fn("to_timestamp_ltz", c(x)) : fn("to_timestamp_ltz", c(x), c(format));
}
/** Wall-clock TIMESTAMP_NTZ from text. `F.to_timestamp_ntz("s", F.lit("yyyy-MM-dd"))` */
export function to_timestamp_ntz(x: ColumnOrName, format?: ColumnOrName): Column {
  return format === undefined ? fn("to_timestamp_ntz", c(x)) : fn("to_timestamp_ntz", c(x), c(format));
}
/** A TIMESTAMP_NTZ moved from one zone's wall clock to another's (source: the session zone when null). */
export function convert_timezone(sourceTz: Column | null, targetTz: Column, sourceTs: ColumnOrName): Column {
  return sourceTz === null ? fn("convert_timezone", c(targetTz), c(sourceTs)) : fn("convert_timezone", c(sourceTz), c(targetTz), c(sourceTs));
}
