/**
 * parse_url / try_parse_url (a part of a URL, as java.net.URI's raw getters give it) and
 * try_url_decode. A URL java.net.URI rejects (a space, a bad scheme, a stray `%`) raises
 * INVALID_URL under ANSI, or gives null from try_parse_url (and from parse_url without ANSI).
 */
import { stringType } from "../../types/data-types.js";
import { PijarError } from "../../errors/pijar-error.js";
import { fixedSignature, map1, mapN } from "../helpers.js";
import type { FunctionDef } from "../registry.js";

/** This file's functions, in definition order; src/functions/index.ts registers them. */
export const definitions: FunctionDef[] = [];

interface Url { scheme?: string; authority?: string; userInfo?: string; host?: string; path: string; query?: string; fragment?: string }

// RFC 3986's split of a URI reference; validity is checked separately.
const SPLIT = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;
// What java.net.URI accepts: RFC 2396's characters, escapes, and non-ASCII letters ("other").
const LEGAL = /^(?:[A-Za-z0-9\-_.!~*'();/?:@&=+$,[\]#]|%[0-9A-Fa-f]{2}|[^\x00-\x7f\s])*$/su;

export function parseUrl(s: string): Url | null {
  if (!LEGAL.test(s) || (s.match(/#/g)?.length ?? 0) > 1) return null;
  const m = SPLIT.exec(s);
  if (!m) return null;
  const [, scheme, authority, path, query, fragment] = m;
  if (scheme !== undefined && !/^[A-Za-z][A-Za-z0-9+.\-]*$/.test(scheme)) return null;
  const url: Url = { scheme, authority, path: path ?? "", query, fragment };
  if (authority !== undefined) {
    const at = authority.lastIndexOf("@");
    url.userInfo = at >= 0 ? authority.slice(0, at) : undefined;
    const hostPort = at >= 0 ? authority.slice(at + 1) : authority;
    const host = hostPort.startsWith("[") ? hostPort.slice(0, hostPort.indexOf("]") + 1) : hostPort.replace(/:\d*$/, "");
    url.host = host === "" ? undefined : host;
  }
  return url;
}

/** The `part` of `url` (HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY, USERINFO), or null. */
export function urlPart(url: Url, part: string, key?: string): string | null {
  switch (part) {
    case "HOST": return url.host ?? null;
    case "PATH": return url.path;
    case "QUERY": {
      if (key === undefined) return url.query ?? null;
      if (url.query === undefined) return null;
      for (const pair of url.query.split("&")) {
        const eq = pair.indexOf("=");
        if (eq >= 0 && pair.slice(0, eq) === key) return pair.slice(eq + 1);
      }
      return null;
    }
    case "REF": return url.fragment ?? null;
    case "PROTOCOL": return url.scheme ?? null;
    case "FILE": return url.query !== undefined ? `${url.path}?${url.query}` : url.path;
    case "AUTHORITY": return url.authority ?? null;
    case "USERINFO": return url.userInfo ?? null;
    default: return null;
  }
}

for (const name of ["parse_url", "try_parse_url"]) {
  definitions.push({
    kind: "scalar", name, minArgs: 2, maxArgs: 3,
    resolve: fixedSignature(name, [stringType, stringType, stringType], stringType),
    eval: mapN(([s, part, key]: [string, string, string | undefined], _call, ctx) => {
      const url = parseUrl(s);
      if (url === null) {
        if (name === "parse_url" && ctx.ansi) throw new PijarError("INVALID_URL", { url: s });
        return null;
      }
      return urlPart(url, part, key);
    }),
  });
}

definitions.push({
  kind: "scalar", name: "try_url_decode", minArgs: 1, maxArgs: 1,
  resolve: fixedSignature("try_url_decode", [stringType], stringType),
  eval: map1((s: string) => {
    try {
      return decodeURIComponent(s.replace(/\+/g, " "));
    } catch {
      return null;
    }
  }),
});
