// npm test, part 1: checks the repository's Terraform (terraform/) and YAML (docker/, deploy/,
// .github/workflows/). Exits non-zero with one line per finding.
//   node check.mjs [repo root]      (default: ../.. from this folder)
import { spawnSync } from "node:child_process";
import { join, relative, resolve } from "node:path";
import { existsSync } from "node:fs";
import { checkTerraform } from "./lib/terraform.mjs";
import { checkYaml } from "./lib/yaml.mjs";
import { checkDockerfile } from "./lib/dockerfile.mjs";

const repo = resolve(process.argv[2] ?? join(import.meta.dirname, "..", ".."));
const display = (p) => relative(repo, p) || ".";
const errors = [];

const tf = await checkTerraform(join(repo, "terraform"), { display });
errors.push(...tf.errors);
console.log(`hcl-check: ${tf.files} Terraform files in ${tf.modules} modules parsed, references, module calls, providers, backends and secrets checked`);

const yaml = checkYaml(repo, { display });
errors.push(...yaml.errors);
console.log(`hcl-check: ${yaml.files} YAML files parsed, compose services, Kubernetes manifests and workflow actions checked`);

const dockerfile = join(repo, "docker", "Dockerfile");
if (existsSync(dockerfile)) {
  checkDockerfile(dockerfile, repo, (file, msg) => errors.push(`${display(file)}: ${msg}`));
  console.log("hcl-check: docker/Dockerfile validated (syntax, flags, COPY sources, non-root USER, HEALTHCHECK)");
}

// Tools that validate further when they are installed (GitHub's runners have them). Each says
// whether it ran, so a skipped check is never mistaken for a passed one.
function optional(tool, versionArgs, args, what, extraEnv = {}) {
  const probe = spawnSync(tool, versionArgs, { encoding: "utf8", env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" } });
  if (probe.error || probe.status !== 0) {
    console.log(`hcl-check: skipped ${what} (${tool} ${versionArgs.join(" ")} is not available here)`);
    return;
  }
  const env = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", ...extraEnv };
  const run = spawnSync(tool, args, { cwd: repo, encoding: "utf8", env });
  if (run.status === 0) console.log(`hcl-check: ${what}: ok`);
  else errors.push(`${what} failed:\n${(run.stdout + run.stderr).trim()}`);
}
if (existsSync(join(repo, "terraform"))) optional("terraform", ["version"], ["fmt", "-check", "-recursive", "-diff", "terraform"], "terraform fmt -check");
if (existsSync(join(repo, "deploy", "k8s"))) optional("kubectl", ["version", "--client"], ["kustomize", "deploy/k8s"], "kubectl kustomize deploy/k8s");
if (existsSync(join(repo, "docker", "docker-compose.yml"))) {
  optional("docker", ["compose", "version"], ["compose", "--project-directory", "docker", "--env-file", "docker/.env.example", "-f", "docker/docker-compose.yml", "-f", "docker/docker-compose.oidc.yml", "--profile", "connectors", "--profile", "oidc", "config", "-q"], "docker compose config",
    // The OIDC override requires these; .env.example leaves them empty on purpose.
    { ORCHESTRATION_CLIENT_SECRET: "placeholder", OPENMINERAL_CLIENT_SECRET: "placeholder" });
}

if (errors.length > 0) {
  console.error(`\nhcl-check: ${errors.length} problem(s):`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
console.log("hcl-check: no problems");
