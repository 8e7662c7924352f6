/**
 * Exercise checks of the course: `await cek("03-2", revenuePerCategory)` compares an answer
 * with the answer key that real PySpark computed (expected.json, made by oracle.py) and says
 * "✅ Benar! / Correct!" or explains, kindly, what differs: a missing column, a wrong row
 * count, or a row with different values.
 *
 * Messages follow the notebook's language: notebooks/id/ -> Bahasa Indonesia,
 * notebooks/en/ -> English (PIJAR_LANG=id|en overrides; elsewhere both are shown).
 * With PIJAR_CHECKS_STRICT=1 (set by the CI runners) a failed check throws, so a broken worked
 * solution fails the build.
 *
 * An exercise cell ships as a skeleton (`const answer = undefined;`): cek then says "not done
 * yet" and how to see the reference answer, without throwing (even strict), so Run All goes on.
 * `await solusi("03-2")` / `solution("03-2")` prints that answer (solutions.json, written by
 * notebooks/_source/build.ts from the lesson sources).
 */
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { canon, canonRow, digest, readable } from "./canon.js";

type Expected =
  | { kind: "value"; value: string }
  | { kind: "dirs"; dirs: string[] }
  | {
    kind: "frame"; ordered: boolean; checkTypes: boolean; columns: string[]; dtypes: string[];
    count: number; digest: string; rows?: string[]; sample?: string[];
  };

/** What checks need of a DataFrame (kept structural so this file does not import pijar). */
interface FrameLike {
  columns: string[];
  dtypes: [string, string][];
  select(...cols: string[]): FrameLike;
  collect(): Promise<{ __fields__: string[] }[]>;
}

const KEY_FILE = new URL("./expected.json", import.meta.url);
const SOLUTIONS_FILE = new URL("./solutions.json", import.meta.url);
let key: Record<string, Expected> | null = null;

function answerKey(): Record<string, Expected> {
  key ??= JSON.parse(readFileSync(KEY_FILE, "utf8")) as Record<string, Expected>;
  return key;
}

function language(): "id" | "en" | "both" {
  const env = process.env.PIJAR_LANG;
  if (env === "id" || env === "en") return env;
  const dir = path.basename(process.cwd());
  return dir === "id" || dir === "en" ? dir : "both";
}

/** A message in the notebook's language. */
function t(id: string, en: string): string {
  const lang = language();
  return lang === "id" ? id : lang === "en" ? en : `${id}\n${en}`;
}

class Mismatch extends Error {}

function differ(id: string, en: string): never {
  throw new Mismatch(t(id, en));
}

function isFrame(x: unknown): x is FrameLike {
  return !!x && typeof x === "object" && Array.isArray((x as FrameLike).columns) && typeof (x as FrameLike).collect === "function";
}

function isPromise(x: unknown): x is Promise<unknown> {
  return !!x && typeof (x as Promise<unknown>).then === "function";
}

async function checkValue(exp: { value: string }, answer: unknown): Promise<void> {
  if (isFrame(answer)) {
    differ("Jawabannya berupa DataFrame, padahal yang diminta sebuah angka/nilai. Lupa memanggil `await df.count()`?",
      "The answer is a DataFrame, but a number/value was asked for. Did you forget `await df.count()`?");
  }
  const got = canon(answer);
  if (got !== exp.value) differ(`Nilainya ${got}, seharusnya ${exp.value}.`, `The value is ${got}, it should be ${exp.value}.`);
}

async function checkFrame(exp: Extract<Expected, { kind: "frame" }>, answer: unknown): Promise<void> {
  if (!isFrame(answer)) {
    differ(`Yang diperiksa harus sebuah DataFrame, tetapi jawabannya ${describe(answer)}.`,
      `The answer should be a DataFrame, but it is ${describe(answer)}.`);
  }
  const missing = exp.columns.filter((c) => !answer.columns.includes(c));
  const extra = answer.columns.filter((c) => !exp.columns.includes(c));
  if (missing.length) {
    differ(`Kolom yang belum ada: ${missing.join(", ")}. Kolommu: ${answer.columns.join(", ")}. (Ganti nama dengan .alias("...") atau withColumnRenamed.)`,
      `Missing column(s): ${missing.join(", ")}. Your columns: ${answer.columns.join(", ")}. (Rename with .alias("...") or withColumnRenamed.)`);
  }
  if (extra.length) {
    differ(`Ada kolom yang tidak diminta: ${extra.join(", ")}. Yang diminta hanya: ${exp.columns.join(", ")}.`,
      `Unexpected column(s): ${extra.join(", ")}. Only these were asked for: ${exp.columns.join(", ")}.`);
  }
  // Column order does not matter for the check: compare in the answer key's order.
  const frame = answer.columns.join() === exp.columns.join() ? answer : answer.select(...exp.columns);
  const types = exp.columns.map((c) => frame.dtypes.find(([n]) => n === c)?.[1] ?? "");
  if (exp.checkTypes) {
    exp.columns.forEach((c, i) => {
      if (types[i] !== exp.dtypes[i]) {
        differ(`Kolom ${c} bertipe ${types[i]}, seharusnya ${exp.dtypes[i]}. Periksa inferSchema atau skemanya.`,
          `Column ${c} has type ${types[i]}, it should be ${exp.dtypes[i]}. Check inferSchema or the schema.`);
      }
    });
  }
  const raw = await frame.collect();
  const rows = raw.map((r) => canonRow(r.__fields__.map((f) => (r as unknown as Record<string, unknown>)[f]), types));
  if (rows.length !== exp.count) {
    differ(`Jumlah baris ${rows.length}, seharusnya ${exp.count}. Periksa filter, join, atau duplikat.`,
      `Row count is ${rows.length}, it should be ${exp.count}. Check your filters, joins or duplicates.`);
  }
  const keyed = exp.ordered ? rows : [...rows].sort();
  if (digest(keyed) === exp.digest) return;
  if (exp.ordered && exp.rows && digest([...rows].sort()) === digest([...exp.rows].sort())) {
    differ("Isinya sudah benar, tetapi urutannya belum: periksa orderBy(...).", "The rows are right but not in the right order: check orderBy(...).");
  }
  const known = exp.rows ?? exp.sample ?? [];
  if (exp.ordered) {
    const i = keyed.findIndex((r, j) => known[j] !== undefined && r !== known[j]);
    if (i >= 0) {
      differ(`Baris ke-${i + 1} berbeda.\n  diharapkan: ${readable(known[i]!)}\n  jawabanmu:  ${readable(keyed[i]!)}`,
        `Row ${i + 1} differs.\n  expected: ${readable(known[i]!)}\n  yours:    ${readable(keyed[i]!)}`);
    }
  } else {
    const mine = new Set(keyed);
    const lost = known.find((r) => !mine.has(r));
    const theirs = exp.rows ? keyed.find((r) => !new Set(exp.rows).has(r)) : undefined;
    if (lost || theirs) {
      differ(`Ada nilai yang berbeda.${lost ? `\n  baris yang diharapkan tetapi tidak ada: ${readable(lost)}` : ""}${theirs ? `\n  baris jawabanmu yang tidak diharapkan:  ${readable(theirs)}` : ""}`,
        `Some values differ.${lost ? `\n  expected row not found: ${readable(lost)}` : ""}${theirs ? `\n  unexpected row in yours: ${readable(theirs)}` : ""}`);
    }
  }
  differ("Jumlah baris sudah benar, tetapi ada nilai yang berbeda (misalnya pembulatan: F.round(..., 2)?).",
    "The row count is right, but some values differ (rounding? F.round(..., 2)).");
}

function checkDirs(exp: { dirs: string[] }, answer: unknown): void {
  if (typeof answer !== "string") differ("Berikan path foldernya (string), misalnya \"output/penjualan\".", "Pass the folder path (a string), e.g. \"output/sales\".");
  if (!existsSync(answer)) differ(`Folder ${answer} belum ada. Sudahkah sel penulisannya dijalankan?`, `Folder ${answer} does not exist. Did the cell that writes it run?`);
  const dirs = readdirSync(answer).filter((n) => statSync(path.join(answer, n)).isDirectory()).sort();
  const lost = exp.dirs.filter((d) => !dirs.includes(d));
  const extra = dirs.filter((d) => !exp.dirs.includes(d)).slice(0, 10);
  if (lost.length || extra.length) {
    differ(`Subfolder partisi berbeda.${lost.length ? `\n  belum ada: ${lost.join(", ")}` : ""}${extra.length ? `\n  tidak diharapkan: ${extra.join(", ")}` : ""}\n  Periksa partitionBy(...).`,
      `The partition folders differ.${lost.length ? `\n  missing: ${lost.join(", ")}` : ""}${extra.length ? `\n  unexpected: ${extra.join(", ")}` : ""}\n  Check partitionBy(...).`);
  }
}

function describe(x: unknown): string {
  if (x === null || x === undefined) return String(x);
  if (Array.isArray(x)) return `an array of ${x.length} (collect()?)`;
  return typeof x === "object" ? (x.constructor?.name ?? "object") : `${typeof x} ${String(x)}`;
}

/**
 * Checks the answer of an exercise ("01-1" ... "05-3") and prints the verdict (nothing is
 * returned, so the notebook shows only the message). Pass DataFrames as they are (no await
 * needed), numbers after `await`.
 */
export async function cek(exercise: string, answer: unknown): Promise<void> {
  const exp = answerKey()[exercise];
  if (!exp) throw new Error(`Unknown exercise "${exercise}": known ones are ${Object.keys(answerKey()).join(", ")}.`);
  if (answer === undefined) {
    console.log(t(`⏳ Belum dikerjakan (${exercise}): tulis jawabanmu di sel ini lalu jalankan lagi. Lihat contoh jawabannya: await solusi("${exercise}")`,
      `⏳ Not done yet (${exercise}): write your answer in this cell and run it again. To see a worked answer: await solution("${exercise}")`));
    return;
  }
  try {
    if (isPromise(answer)) {
      console.log(t("(Catatan: jawabannya masih Promise; lain kali tulis `await` di depannya.)", "(Note: the answer was still a Promise; next time put `await` in front of it.)"));
      answer = await answer;
    }
    if (exp.kind === "value") await checkValue(exp, answer);
    else if (exp.kind === "frame") await checkFrame(exp, answer);
    else checkDirs(exp, answer);
    console.log(`✅ Benar! / Correct! (${exercise})`);
  } catch (e) {
    if (!(e instanceof Mismatch)) throw e;
    const head = language() === "both" ? "Belum tepat / Not quite" : t("Belum tepat", "Not quite");
    const text = `❌ ${head} (${exercise}):${language() === "both" ? "\n" : " "}${e.message}`;
    if (process.env.PIJAR_CHECKS_STRICT === "1") throw new Error(text);
    console.log(text);
  }
}

/** The same as cek, for English readers. */
export const check = cek;

/**
 * Prints the reference answer of an exercise ("01-1" ... "05-3"), to copy into its cell.
 * (Async like cek, so `await solusi(...)` reads the same; nothing is returned.)
 */
export async function solusi(exercise: string): Promise<void> {
  const all = JSON.parse(readFileSync(SOLUTIONS_FILE, "utf8")) as Record<string, string>;
  const code = all[exercise];
  if (code === undefined) throw new Error(`Unknown exercise "${exercise}": known ones are ${Object.keys(all).join(", ")}.`);
  console.log(`${t(`Contoh jawaban ${exercise}:`, `Worked answer of ${exercise}:`)}\n\n${code}`);
}

/** The same as solusi, for English readers. */
export const solution = solusi;
