/**
 * HTML helpers shared by the rich displays (tables, charts, progress).
 *
 * Why a tiny helper instead of a template library: every string that reaches a notebook page
 * comes from user data (column names, cell values), so one audited escaping function is safer
 * than scattered ad-hoc replaces.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use inside HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Escapes text for use inside XML/SVG (same rules as HTML for our purposes). */
export const escapeXml = escapeHtml;

/** The MIME bundle protocol symbol understood by the Pijar kernel (and tslab-style kernels). */
export const JUPYTER_DISPLAY = Symbol.for("Jupyter.display");

/** A MIME bundle: MIME type -> data (strings, or JSON values for +json types). */
export type MimeBundle = Record<string, unknown>;
