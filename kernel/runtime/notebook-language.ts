/**
 * The language a notebook's learner reads, for messages the kernel adds (the PySpark hints on
 * type errors). The kernel is never told it directly, so it is read from where the course puts
 * its notebooks: `notebooks/id/` holds the Bahasa Indonesia course, `notebooks/en/` the English
 * one. PIJAR_LANG (`id` or `en`) overrides; otherwise the notebook's path, which jupyter_server
 * passes to every kernel it starts as JPY_SESSION_NAME, then the kernel's working directory
 * (JupyterLab starts a kernel in its notebook's folder).
 */
import path from "node:path";

export type NotebookLanguage = "en" | "id";

export function notebookLanguage(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): NotebookLanguage {
  const explicit = env["PIJAR_LANG"]?.trim().toLowerCase();
  if (explicit === "id" || explicit === "en") return explicit;
  const session = env["JPY_SESSION_NAME"];
  // The folder the notebook sits in (not its file name: `id.ipynb` says nothing).
  const folder = session ? path.dirname(session) : cwd;
  return path.basename(folder).toLowerCase() === "id" ? "id" : "en";
}
