/**
 * Keeping secrets out of every printed form of an object that holds options.
 *
 * Spark redacts option values whose key matches `spark.redaction.regex`
 * (`(?i)secret|password|token|access[.]?key`) and prints `*********(redacted)` instead. Pijar
 * uses the same rule for every representation of readers, writers and option sets
 * (`util.inspect`, `console.log`, `JSON.stringify`, `toString`, the Jupyter display bundle), and
 * also masks a password inside a JDBC URL (`user:pw@host`, `?password=pw`).
 */
export const SECRET_KEY = /secret|password|token|access[.]?key/i;
export const REDACTED = "*********(redacted)";

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A URL-like value with embedded credentials masked (query parameters and userinfo). */
export function redactUrlText(value: string): string {
  return value
    .replace(/([?&;]([^=&;]*)=)([^&;]*)/g, (m, head: string, key: string) => (isSecretKey(key) ? head + REDACTED : m))
    .replace(/(\/\/[^/:@?]*:)[^@/?]*@/, `$1${REDACTED}@`);
}

/** Option pairs with secret values replaced; other values keep their text (URLs masked). */
export function redactOptions(entries: Iterable<readonly [string, unknown]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (v === undefined || v === null) continue;
    out[k] = isSecretKey(k) ? REDACTED : redactUrlText(String(v));
  }
  return out;
}

/** `name(key=value, ...)` with secrets redacted: the text form of readers and writers. */
export function describeWithOptions(name: string, fields: Record<string, string>, entries: Iterable<readonly [string, unknown]>): string {
  const opts = Object.entries(redactOptions(entries)).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  const head = Object.entries(fields).map(([k, v]) => `${k}=${v}`);
  return `${name}(${[...head, ...(opts.length ? [`options={${opts.join(", ")}}`] : [])].join(", ")})`;
}
