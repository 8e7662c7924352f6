/**
 * Dates (days since 1970-01-01) and timestamps (microseconds since the epoch, UTC) with the
 * session time zone applied only when reading text in or printing text out, as Spark does.
 */
export const MICROS_PER_DAY = 86_400_000_000;
export const MICROS_PER_SECOND = 1_000_000;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** Civil date from days since epoch (proleptic Gregorian, as Spark 3+). */
export function civilFromDays(days: number): { y: number; m: number; d: number } {
  // Howard Hinnant's algorithm.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: m <= 2 ? y + 1 : y, m, d };
}

export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

function formatYear(y: number): string {
  if (y < 0) return "-" + pad(-y, 4);
  return y > 9999 ? "+" + y : pad(y, 4);
}

export function formatDate(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${formatYear(y)}-${pad(m)}-${pad(d)}`;
}

// ---- time zones ----------------------------------------------------------------------------

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

const zoneCache = new Map<string, string>();

/** Normalizes Spark zone ids: "UTC", "Z", "+07:00", "GMT+7", "Asia/Jakarta". */
export function normalizeZone(tz: string): string {
  let z = zoneCache.get(tz);
  if (z === undefined) {
    const t = tz.trim();
    z = t === "Z" || t.toUpperCase() === "UTC" || t.toUpperCase() === "GMT" || t === "Etc/UTC" ? "UTC" : t;
    zoneCache.set(tz, z);
  }
  return z;
}

function fixedOffsetMinutes(tz: string): number | null {
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (!m) return null;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -v : v;
}

/** Offset in minutes of zone `tz` at the instant `epochMs`. */
export function zoneOffsetMinutes(epochMs: number, tz: string): number {
  const zone = normalizeZone(tz);
  if (zone === "UTC") return 0;
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== null) return fixed;
  let f = offsetFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    offsetFormatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(epochMs))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts["year"]!, parts["month"]! - 1, parts["day"]!, parts["hour"]!, parts["minute"]!, parts["second"]!);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

/** Local wall-clock fields of an instant in a zone. */
export function localFields(micros: number, tz: string) {
  const ms = Math.floor(micros / 1000);
  const offMin = zoneOffsetMinutes(ms, tz);
  const localMicros = micros + offMin * 60_000_000;
  const days = Math.floor(localMicros / MICROS_PER_DAY);
  const rem = localMicros - days * MICROS_PER_DAY;
  const { y, m, d } = civilFromDays(days);
  const totalSec = Math.floor(rem / 1_000_000);
  return {
    y, m, d, days,
    hour: Math.floor(totalSec / 3600),
    minute: Math.floor((totalSec % 3600) / 60),
    second: totalSec % 60,
    micros: rem % 1_000_000,
    offsetMinutes: offMin,
  };
}

/**
 * Instant (micros) of a wall-clock time in zone `tz`, resolved as java.time does: in an
 * overlap (clocks set back) the earlier offset wins; in a gap (clocks set forward) the offset
 * before the transition applies, so 02:30 in a 02:00->03:00 gap becomes 03:30.
 */
export function fromLocal(y: number, mo: number, d: number, h: number, mi: number, s: number, micros: number, tz: string): number {
  const localMicros = (daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s) * 1_000_000 + micros;
  const localMs = Math.floor(localMicros / 1000);
  // Offsets half a day either side bracket any single transition near this wall-clock time.
  const before = zoneOffsetMinutes(localMs - HALF_DAY_MS, tz);
  const early = localMicros - before * 60_000_000;
  if (zoneOffsetMinutes(Math.floor(early / 1000), tz) === before) return early;
  const after = zoneOffsetMinutes(localMs + HALF_DAY_MS, tz);
  const late = localMicros - after * 60_000_000;
  if (zoneOffsetMinutes(Math.floor(late / 1000), tz) === after) return late;
  return early;
}

const HALF_DAY_MS = 12 * 3_600_000;

/** Spark's default timestamp text: "yyyy-MM-dd HH:mm:ss[.fraction without trailing zeros]". */
export function formatTimestamp(micros: number, tz: string): string {
  const f = localFields(micros, tz);
  let s = `${formatYear(f.y)}-${pad(f.m)}-${pad(f.d)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
  if (f.micros) s += "." + pad(f.micros, 6).replace(/0+$/, "");
  return s;
}

// ---- parsing (Spark's cast rules) ------------------------------------------------------------

/** Cast string -> date: "yyyy", "yyyy-[m]m", "yyyy-[m]m-[d]d", optionally followed by " ..." or "T...". */
export function parseDate(text: string): number | null {
  const m = /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

/**
 * Cast string -> timestamp: "yyyy-[m]m-[d]d[( |T)[h]h:[m]m[:[s]s[.fraction]]][zone]", or just a date.
 * A zone in the text wins over the session zone.
 */
export function parseTimestamp(text: string, tz: string): number | null {
  const fast = parseCommonTimestamp(text, tz);
  if (fast !== undefined) return fast;
  const m = /^\s*([+-]?\d{4,6})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?)?)?)?\s*(Z|[+-]\d{1,2}(?::?\d{2})?|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Za-z]+\/[A-Za-z_\/]+)?\s*$/.exec(text);
  if (!m) return parseTimeOnly(text, tz);
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  const h = m[4] ? Number(m[4]) : 0;
  const mi = m[5] ? Number(m[5]) : 0;
  const s = m[6] ? Number(m[6]) : 0;
  const frac = m[7] ? Number((m[7] + "000000").slice(0, 6)) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  const zone = m[8] ? normalizeZone(m[8]) : tz;
  return fromLocal(y, mo, d, h, mi, s, frac, zone);
}

/**
 * A time without a date ("10:29", "1:02:03.5", "T10") is that time today in zone `tz`, as
 * Spark's stringToTimestamp; no zone suffix is accepted there. Spark 4.3's CSV inference
 * reaches this too, so a column of such times reads as timestamps of the current day.
 */
function parseTimeOnly(text: string, tz: string): number | null {
  const m = /^\s*(?:T(\d{1,2})(?::(\d{1,2}))?|(\d{1,2}):(\d{1,2}))(?::(\d{1,2})(?:\.(\d*))?)?\s*$/.exec(text);
  if (!m) return null;
  const h = Number(m[1] ?? m[3]);
  const mi = Number(m[2] ?? m[4] ?? 0);
  const s = m[5] ? Number(m[5]) : 0;
  const frac = m[6] ? Number((m[6] + "000000").slice(0, 6)) : 0;
  if (h > 23 || mi > 59 || s > 59) return null;
  const today = localFields(Date.now() * 1000, tz);
  return fromLocal(today.y, today.m, today.d, h, mi, s, frac, tz);
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * The shape almost every file has, "yyyy-MM-dd HH:mm:ss", parsed without a regex (this runs
 * once per row of a CSV). Returns undefined for anything else, so the general parser decides.
 */
function parseCommonTimestamp(s: string, tz: string): number | null | undefined {
  if (s.length !== 19 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return undefined;
  const sep = s.charCodeAt(10);
  if (sep !== 32 && sep !== 84) return undefined;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const mo = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  const h = digit(s, 11) * 10 + digit(s, 12);
  const mi = digit(s, 14) * 10 + digit(s, 15);
  const sec = digit(s, 17) * 10 + digit(s, 18);
  if (!(y >= 0 && y <= 9999) || !(mo >= 1 && mo <= 12) || !(d >= 1 && d <= daysInMonth(y, mo)) || !(h >= 0 && h <= 23) || !(mi >= 0 && mi <= 59) || !(sec >= 0 && sec <= 59)) {
    return /^[\d-]{10}[ T][\d:]{8}$/.test(s) ? null : undefined;
  }
  if (normalizeZone(tz) === "UTC") return ((daysFromCivil(y, mo, d) * 86400) + h * 3600 + mi * 60 + sec) * 1_000_000;
  return fromLocal(y, mo, d, h, mi, sec, 0, tz);
}

/** Days of the date an instant falls on in zone tz. */
export function daysOfTimestamp(micros: number, tz: string): number {
  if (normalizeZone(tz) === "UTC") return Math.floor(micros / MICROS_PER_DAY);
  return localFields(micros, tz).days;
}
