#!/usr/bin/env node
/**
 * `pijar` command line: `pijar install [--user|--sys-prefix|--prefix PATH] [--name NAME]
 * [--interrupt-mode signal|message]` installs the Jupyter kernelspec; `pijar snapshot` builds the
 * type checker's startup snapshot (part of the build: the kernel's checker then starts warm).
 */
import { install, type InstallOptions } from "./install.js";
import { buildSnapshot } from "./runtime/checker-snapshot.js";
import { REPO_ROOT } from "./runtime/module-loader.js";

const USAGE = `usage: pijar install [--user | --sys-prefix | --prefix PATH] [--name NAME] [--interrupt-mode message|signal]
       pijar snapshot`;

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === "snapshot" && rest.length === 0) {
    process.stdout.write(`Built the type checker's startup snapshot ${buildSnapshot(REPO_ROOT)}\n`);
    return 0;
  }
  if (cmd !== "install") {
    process.stderr.write(`${cmd ? `unknown command "${cmd}"\n` : ""}${USAGE}\n`);
    return cmd === "--help" || cmd === "-h" ? 0 : 2;
  }
  const opts: InstallOptions = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (!v) throw new Error(`${a} needs a value. ${USAGE}`);
      return v;
    };
    if (a === "--user") opts.user = true;
    else if (a === "--sys-prefix") opts.sysPrefix = true;
    else if (a === "--prefix") opts.prefix = value();
    else if (a.startsWith("--prefix=")) opts.prefix = a.slice(9);
    else if (a === "--name") opts.name = value();
    else if (a === "--interrupt-mode") {
      const m = value();
      if (m !== "signal" && m !== "message") throw new Error(`--interrupt-mode must be "signal" or "message", not "${m}".`);
      opts.interruptMode = m;
    } else throw new Error(`unknown option "${a}". ${USAGE}`);
  }
  const dir = install(opts);
  process.stdout.write(`Installed the "TypeScript (Pijar)" kernelspec in ${dir}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`pijar: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
