/**
 * The active session, kept apart from session.ts so code that only needs the active session's
 * settings (F.expr parsing a TIMESTAMP literal) reads it without importing the session class.
 */
import type { SessionForSql } from "./sql-front-end.js";

let active: SessionForSql | null = null;

export function setActiveSession(session: SessionForSql | null): void {
  active = session;
}

export function activeSession(): SessionForSql | null {
  return active;
}
