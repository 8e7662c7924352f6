/**
 * Axes for periodic x values. Plotly reads "2024-03" as the date 2024-03-01 and, left alone,
 * ticks a few months of them weekly ("Mar 3", "Mar 10"...), and reads the years 2019..2024
 * as plain numbers ticked at 2,019.5. A learner plotting monthly or yearly totals expects one
 * label per period, so months and years get a tick step and format of their own.
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** First-of-month dates, as date_trunc("month", ...) or a Date at midnight UTC give them. */
const MONTH_START = /^(\d{4})-(0[1-9]|1[0-2])-01(?:T00:00:00(?:\.000)?Z?)?$/;

export interface PeriodAxis {
  type?: "date" | "linear";
  tickformat: string;
  dtick: string | number;
}

/** The axis settings for x values that are all months or all years, else null. */
export function periodAxis(xs: readonly unknown[]): PeriodAxis | null {
  const present = xs.filter((x) => x !== null && x !== undefined);
  if (present.length === 0) return null;
  const months = monthIndexes(present);
  if (months) {
    const span = Math.max(...months) - Math.min(...months) + 1;
    // At most about two dozen labels: every month, every quarter, then every year.
    const step = span <= 24 ? 1 : span <= 72 ? 3 : 12;
    return { type: "date", tickformat: step === 12 ? "%Y" : "%Y-%m", dtick: `M${step}` };
  }
  if (present.every((x) => typeof x === "number" && Number.isInteger(x) && x >= 1000 && x <= 9999)) {
    const ys = present as number[];
    const span = Math.max(...ys) - Math.min(...ys) + 1;
    return { type: "linear", tickformat: "d", dtick: Math.max(1, Math.ceil(span / 20)) };
  }
  return null;
}

/** Months since year 0 of every value, or null when one is not a month. */
function monthIndexes(xs: readonly unknown[]): number[] | null {
  const out: number[] = [];
  for (const x of xs) {
    if (typeof x !== "string") return null;
    const m = MONTH.exec(x) ?? MONTH_START.exec(x);
    if (!m) return null;
    out.push(Number(m[1]) * 12 + Number(m[2]) - 1);
  }
  return out;
}
