// npm test, part 2: the checker must reject what it is meant to reject. Each case copies the
// valid fixture tree (fixtures/tf-good) to a temporary folder, makes one mistake in it, and expects
// a finding that names it; fixtures/yaml-bad holds one of each YAML mistake.
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { checkTerraform } from "./lib/terraform.mjs";
import { checkYaml } from "./lib/yaml.mjs";
import { checkDockerfile } from "./lib/dockerfile.mjs";

const fixtures = join(import.meta.dirname, "fixtures");
const MODULE = "modules/app/main.tf";
const ENV = "envs/dev/main.tf";
let failures = 0;

function edit(root, file, from, to) {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`fixture ${file} no longer contains ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

function verdict(name, errors, expected) {
  const missing = expected.filter((re) => !errors.some((e) => re.test(e)));
  if (expected.length === 0 ? errors.length === 0 : missing.length === 0) {
    console.log(`selftest: ok   ${name}`);
  } else {
    failures++;
    console.error(`selftest: FAIL ${name}: expected ${expected.length === 0 ? "no findings" : missing.join(", ")}; got:`);
    for (const e of errors) console.error(`    ${e}`);
    if (errors.length === 0) console.error("    (no findings)");
  }
}

const cases = [
  ["valid tree passes", () => {}, []],
  ["undeclared variable in a module", (r) => edit(r, MODULE, "bucket = local.bucket", 'bucket = "${local.bucket}-${var.region}"'), [/var\.region is used but not declared/]],
  ["undefined local", (r) => edit(r, MODULE, "bucket = local.bucket", "bucket = local.bucket_name"), [/local\.bucket_name is used but not defined/]],
  ["module call with an unknown and without a required variable", (r) => edit(r, ENV, 'name   = "dev"', "size_gb = 2"), [/passes "size_gb", which .* does not declare/, /does not pass "name", which .* requires/]],
  ["missing module output", (r) => edit(r, ENV, "module.app.bucket_arn", "module.app.bucket_name"), [/module\.app\.bucket_name: module .* has no output "bucket_name"/]],
  ["reference to an undeclared resource", (r) => edit(r, MODULE, "aws_s3_bucket.documents.arn", "aws_s3_bucket.docs.arn"), [/aws_s3_bucket\.docs is used but no such resource/]],
  ["provider without an upper version bound", (r) => edit(r, MODULE, 'version = "~> 6.0"', 'version = ">= 5.0"'), [/required_providers\.aws version ">= 5\.0" is not pinned/]],
  ["provider used but not required", (r) => edit(r, MODULE, "\noutput", '\nresource "random_id" "x" {\n  byte_length = 4\n}\n\noutput'), [/provider "random" is used .* not listed in required_providers/]],
  ["HCL syntax error", (r) => edit(r, MODULE, "\noutput", '\nresource "aws_s3_bucket" "broken" {\n  bucket = "x"\n\noutput'), [/HCL syntax error/]],
  ["environment without a state lock", (r) => edit(r, ENV, '    dynamodb_table = "locks"\n', ""), [/backend "s3" needs a lock/]],
  ["literal secret", (r) => edit(r, MODULE, "\noutput", '\nresource "aws_db_instance" "db" {\n  password = "changeme"\n}\n\noutput'), [/password is set to a literal string/]],
  ["secret variable with a default", (r) => edit(r, MODULE, "\nlocals", '\nvariable "db_password" {\n  type    = string\n  default = ""\n}\n\nlocals'), [/"db_password" looks like a secret: mark it sensitive/, /must not have a default/]],
  ["committed tfvars", (r) => writeFileSync(join(r, "envs/dev/terraform.tfvars"), 'name = "x"\n'), [/\.tfvars files must not be committed/]],
];

for (const [name, mutate, expected] of cases) {
  const root = mkdtempSync(join(tmpdir(), "hcl-check-"));
  try {
    cpSync(join(fixtures, "tf-good"), root, { recursive: true });
    mutate(root);
    const { errors } = await checkTerraform(root, { display: (p) => relative(root, p) || "." });
    verdict(`terraform: ${name}`, errors, expected);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const bad = join(fixtures, "yaml-bad");
const { errors } = checkYaml(bad, { display: (p) => relative(bad, p) });
verdict("yaml: one of each mistake", errors, [
  /docker-compose\.yml: services\.cache has neither image nor build/,
  /services\.app\.depends_on names "db", which is not a service/,
  /Deployment app container app needs resources\.requests/,
  /Deployment app container app has no livenessProbe/,
  /Deployment app container app has no readinessProbe/,
  /Secret app-secrets is committed/,
  /stringData\.password holds a literal secret/,
  /broken\.yaml: YAML syntax error/,
  /actions\/checkout@main follows a branch/,
]);

const dockerErrors = [];
checkDockerfile(join(bad, "docker", "Dockerfile"), bad, (file, msg) => dockerErrors.push(`${relative(bad, file)}: ${msg}`));
verdict("dockerfile: bad flag, missing COPY source, root user, no health check", dockerErrors, [
  /Unknown flag: chwn/,
  /COPY missing\.jar: not found in the build context/,
  /non-root USER/,
  /no HEALTHCHECK/,
]);

if (failures > 0) {
  console.error(`selftest: ${failures} case(s) failed`);
  process.exit(1);
}
console.log(`selftest: all ${cases.length + 2} cases behave`);
