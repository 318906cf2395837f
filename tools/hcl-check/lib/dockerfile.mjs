// Dockerfile checks: instruction syntax and flags (dockerfile-utils, the validator of the
// Dockerfile language server), plus what this project's images must have: a non-root USER and
// a HEALTHCHECK in the final stage, and COPY sources that exist in the build context.
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { validate } from "dockerfile-utils";

export function checkDockerfile(file, contextDir, say) {
  const text = readFileSync(file, "utf8");
  for (const d of validate(text)) {
    say(file, `line ${d.range.start.line + 1}: ${d.severity === 1 ? "error" : "warning"}: ${d.message}`);
  }
  const lines = text.replace(/\\\r?\n/g, " ").split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  let stage = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stage = [];
    stage.push(line);
    const copy = line.match(/^(COPY|ADD)\s+(.*)$/i);
    if (copy && !/--from=/.test(copy[2])) {
      const words = copy[2].split(/\s+/).filter((w) => !w.startsWith("--"));
      for (const source of words.slice(0, -1)) {
        if (/[*?$]/.test(source) || /^https?:/.test(source)) continue;
        if (!existsSync(join(contextDir, source))) say(file, `${copy[1]} ${source}: not found in the build context`);
      }
    }
  }
  const user = stage.filter((l) => /^USER\s/i.test(l)).pop();
  if (!user || /^USER\s+(root|0)(:|\s|$)/i.test(user)) say(file, "the final stage must switch to a non-root USER");
  if (!stage.some((l) => /^HEALTHCHECK\s/i.test(l))) say(file, "the final stage has no HEALTHCHECK");
}
