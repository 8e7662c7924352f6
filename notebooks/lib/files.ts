/**
 * `tree("output/sales")`: prints a folder as an indented tree with file sizes, so learners can
 * see what Spark writes (part files, _SUCCESS markers, `column=value` partition folders).
 * `head("output/x/part-00000.csv")` prints the first lines of a file (of the first data file
 * when given a folder).
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";

function size(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Prints the folder tree (at most `maxPerFolder` entries per folder, the rest counted). */
export function tree(dir: string, maxPerFolder = 6): void {
  if (!existsSync(dir)) {
    console.log(`${dir} does not exist (yet).`);
    return;
  }
  const lines: string[] = [dir + "/"];
  const walk = (d: string, indent: string): void => {
    // Hidden checksum files (.crc) are noise for learners.
    const names = readdirSync(d).filter((n) => !n.endsWith(".crc")).sort();
    names.slice(0, maxPerFolder).forEach((n, i) => {
      const p = path.join(d, n);
      const last = i === Math.min(names.length, maxPerFolder) - 1 && names.length <= maxPerFolder;
      const branch = last ? "└── " : "├── ";
      if (statSync(p).isDirectory()) {
        lines.push(`${indent}${branch}${n}/`);
        walk(p, indent + (last ? "    " : "│   "));
      } else {
        lines.push(`${indent}${branch}${n}  (${size(statSync(p).size)})`);
      }
    });
    if (names.length > maxPerFolder) lines.push(`${indent}└── … ${names.length - maxPerFolder} more`);
  };
  walk(dir, "");
  console.log(lines.join("\n"));
}

/** Prints the first `n` lines of a text file, or of the first part file in a folder. */
export function head(file: string, n = 5): void {
  let target = file;
  if (existsSync(file) && statSync(file).isDirectory()) {
    const part = readdirSync(file).sort().find((f) => f.startsWith("part-"));
    if (!part) {
      console.log(`${file} has no part-* file.`);
      return;
    }
    target = path.join(file, part);
  }
  const text = readFileSync(target, "utf8").split("\n").slice(0, n).join("\n");
  console.log(`${target}:\n${text}`);
}
