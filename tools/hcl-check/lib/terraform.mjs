// Terraform checks that need no provider and no network: every *.tf parses (HCL syntax through
// @cdktf/hcl2json, the HashiCorp HCL parser compiled to WebAssembly), and each directory (a
// Terraform module) is consistent with itself and with the local modules it calls.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { parse, getReferencesInExpression } from "@cdktf/hcl2json";

const MODULE_META_ARGS = new Set(["source", "version", "providers", "depends_on", "count", "for_each"]);
const SECRET_ATTRIBUTE = /(^|_)(password|secret|token|access_key|private_key|secret_string|client_secret)$/i;
const SECRET_VARIABLE = /(password|secret|token|private_key)/i;

/** Every file under root whose name passes the filter, skipping .terraform and node_modules. */
export function walk(root, filter) {
  const out = [];
  if (!existsSync(root)) return out;
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (entry.name === ".terraform" || entry.name === "node_modules" || entry.name === ".git") continue;
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, filter));
    else if (filter(entry.name, path)) out.push(path);
  }
  return out.sort();
}

/** Strings anywhere in a parsed HCL (JSON) value, with the attribute name they sit under. */
function* strings(value, key = "") {
  if (typeof value === "string") yield [key, value];
  else if (Array.isArray(value)) for (const v of value) yield* strings(v, key);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) yield* strings(v, k);
}

async function references(file, text) {
  if (!text.includes("${")) return [];
  try {
    return (await getReferencesInExpression(file, text)).map((r) => r.value);
  } catch {
    // Not a single expression (e.g. a heredoc template): fall back to a conservative scan.
    return [...text.matchAll(/\b(?:var|local|module|data)\.[A-Za-z0-9_.-]+/g)].map((m) => m[0]);
  }
}

function blocks(parsed, type) {
  // hcl2json gives { type: { label: [body, ...] } } for labelled blocks.
  const out = [];
  for (const [label, bodies] of Object.entries(parsed[type] ?? {})) for (const body of bodies) out.push([label, body]);
  return out;
}

function isPinned(constraint) {
  if (typeof constraint !== "string" || constraint.trim() === "") return false;
  return constraint.split(",").some((part) => {
    const p = part.trim();
    return p.startsWith("~>") || p.startsWith("<") || p.startsWith("=") || /^\d+(\.\d+)*$/.test(p);
  });
}

/** Reads and parses every directory of *.tf files under root into a module model. */
async function loadModules(root, say) {
  const modules = new Map();
  for (const file of walk(root, (name) => name.endsWith(".tf"))) {
    const dir = dirname(file);
    if (!modules.has(dir)) {
      modules.set(dir, {
        dir, files: [], variables: new Map(), outputs: new Set(), locals: new Set(), calls: new Map(),
        resources: new Set(), dataSources: new Set(), providersUsed: new Set(), requiredProviders: new Map(),
        terraformBlocks: [], refs: [], attributes: [],
      });
    }
    const m = modules.get(dir);
    m.files.push(file);
    let parsed;
    try {
      parsed = await parse(file, readFileSync(file, "utf8"));
    } catch (e) {
      say(file, `HCL syntax error: ${String(e.message).replace(/^parse config: /, "")}`);
      continue;
    }
    for (const [name, body] of blocks(parsed, "variable")) {
      m.variables.set(name, { file, hasDefault: "default" in body, sensitive: body.sensitive === true });
    }
    for (const [name] of blocks(parsed, "output")) m.outputs.add(name);
    for (const body of parsed.locals ?? []) for (const name of Object.keys(body)) m.locals.add(name);
    for (const [name, body] of blocks(parsed, "module")) m.calls.set(name, { file, body });
    for (const [type, byName] of Object.entries(parsed.resource ?? {})) {
      for (const name of Object.keys(byName)) m.resources.add(`${type}.${name}`);
      m.providersUsed.add(type.split("_")[0]);
    }
    for (const [type, byName] of Object.entries(parsed.data ?? {})) {
      for (const name of Object.keys(byName)) m.dataSources.add(`data.${type}.${name}`);
      m.providersUsed.add(type.split("_")[0]);
    }
    for (const name of Object.keys(parsed.provider ?? {})) m.providersUsed.add(name);
    for (const body of parsed.terraform ?? []) {
      m.terraformBlocks.push({ file, body });
      for (const rp of body.required_providers ?? []) {
        for (const [name, spec] of Object.entries(rp)) m.requiredProviders.set(name, { file, spec });
      }
    }
    for (const [key, text] of strings(parsed)) {
      m.attributes.push({ file, key, text });
      for (const ref of await references(file, text)) m.refs.push({ file, ref });
    }
  }
  return modules;
}

function localSource(source) {
  return typeof source === "string" && (source.startsWith("./") || source.startsWith("../"));
}

/**
 * Checks the Terraform tree under root. envsDirName names the folder whose subfolders are
 * deployable roots (they need a remote backend with locking). Returns a list of messages.
 */
export async function checkTerraform(rootDir, { envsDirName = "envs", display = (p) => p } = {}) {
  const root = resolve(rootDir);
  const errors = [];
  const say = (file, msg) => errors.push(`${display(file)}: ${msg}`);
  if (!existsSync(root)) return [`${display(root)}: no such directory`];

  for (const stray of walk(root, (name) => /\.tfstate(\..*)?$/.test(name) || (name.endsWith(".tfvars") && !name.endsWith(".example")))) {
    say(stray, "state and .tfvars files must not be committed (use terraform.tfvars.example for examples)");
  }

  const modules = await loadModules(root, say);

  for (const m of modules.values()) {
    const where = display(m.dir);

    // var.X, local.X, module.X.Y, resource and data references.
    const seen = new Set();
    for (const { file, ref } of m.refs) {
      const parts = ref.split(".");
      const key = `${file}|${ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (parts[0] === "var" && !m.variables.has(parts[1])) {
        say(file, `var.${parts[1]} is used but not declared in ${where} (add a variable "${parts[1]}" block)`);
      } else if (parts[0] === "local" && !m.locals.has(parts[1])) {
        say(file, `local.${parts[1]} is used but not defined in a locals block of ${where}`);
      } else if (parts[0] === "module") {
        const call = m.calls.get(parts[1]);
        if (!call) {
          say(file, `module.${parts[1]} is used but there is no module "${parts[1]}" block in ${where}`);
        } else if (parts.length > 2 && localSource(call.body.source)) {
          const target = modules.get(resolve(m.dir, call.body.source));
          if (target && !target.outputs.has(parts[2])) {
            say(file, `module.${parts[1]}.${parts[2]}: module ${display(target.dir)} has no output "${parts[2]}"`);
          }
        }
      } else if (parts[0] === "data" && parts.length >= 3 && m.requiredProviders.has(parts[1].split("_")[0])) {
        if (!m.dataSources.has(parts.slice(0, 3).join("."))) say(file, `${parts.slice(0, 3).join(".")} is used but not declared in ${where}`);
      } else if (parts.length >= 2 && parts[0].includes("_") && m.requiredProviders.has(parts[0].split("_")[0])) {
        if (!m.resources.has(`${parts[0]}.${parts[1]}`)) say(file, `${parts[0]}.${parts[1]} is used but no such resource is declared in ${where}`);
      }
    }

    // Module calls: the source exists, every argument is a declared variable, every required
    // variable (one without a default) is passed.
    for (const [name, { file, body }] of m.calls) {
      if (typeof body.source !== "string") {
        say(file, `module "${name}" has no source`);
        continue;
      }
      if (!localSource(body.source)) {
        if (!body.version && !/[?&]ref=/.test(body.source)) say(file, `module "${name}": registry/remote source "${body.source}" needs a pinned version`);
        continue;
      }
      const targetDir = resolve(m.dir, body.source);
      const target = modules.get(targetDir);
      if (!target) {
        say(file, `module "${name}": source ${body.source} has no *.tf files (${display(targetDir)})`);
        continue;
      }
      const args = Object.keys(body).filter((k) => !MODULE_META_ARGS.has(k));
      for (const arg of args) {
        if (!target.variables.has(arg)) say(file, `module "${name}" passes "${arg}", which ${display(targetDir)} does not declare as a variable`);
      }
      for (const [variable, decl] of target.variables) {
        if (!decl.hasDefault && !args.includes(variable)) {
          say(file, `module "${name}" does not pass "${variable}", which ${display(targetDir)} requires (no default)`);
        }
      }
    }

    // Providers: declared with a source and a bounded version in every module that uses them.
    if (m.terraformBlocks.length === 0) {
      say(m.dir, `no terraform { required_version, required_providers } block in ${where}`);
    } else if (!m.terraformBlocks.some(({ body }) => typeof body.required_version === "string")) {
      say(m.terraformBlocks[0].file, "terraform block has no required_version");
    }
    for (const provider of m.providersUsed) {
      if (!m.requiredProviders.has(provider)) {
        say(m.dir, `provider "${provider}" is used in ${where} but not listed in required_providers`);
      }
    }
    for (const [name, { file, spec }] of m.requiredProviders) {
      if (typeof spec !== "object" || !spec.source) say(file, `required_providers.${name} has no source`);
      if (typeof spec !== "object" || !isPinned(spec.version)) {
        say(file, `required_providers.${name} version "${spec?.version ?? ""}" is not pinned: give an upper bound, e.g. "~> 6.0"`);
      }
    }

    // Deployable roots: remote state with locking.
    const rel = relative(root, m.dir).split(/[\\/]/);
    if (rel[0] === envsDirName && rel.length === 2) {
      const backends = m.terraformBlocks.flatMap(({ file, body }) => Object.entries(body.backend ?? {}).map(([type, b]) => ({ file, type, body: b[0] })));
      if (backends.length === 0) say(m.dir, `environment ${where} has no backend block (remote state required)`);
      for (const { file, type, body } of backends) {
        if (type === "s3") {
          for (const k of ["bucket", "key", "region"]) if (!body[k]) say(file, `backend "s3" needs ${k}`);
          if (body.encrypt !== true) say(file, `backend "s3" needs encrypt = true`);
          if (!body.dynamodb_table && body.use_lockfile !== true) say(file, `backend "s3" needs a lock: dynamodb_table (or use_lockfile = true)`);
        } else if (type === "azurerm") {
          for (const k of ["storage_account_name", "container_name", "key"]) if (!body[k]) say(file, `backend "azurerm" needs ${k}`);
        } else if (type === "local") {
          say(file, `environment ${where} uses a local backend; use a remote one`);
        }
      }
    }

    // No secret literals; secret-looking variables are sensitive and have no default.
    for (const { file, key, text } of m.attributes) {
      if (SECRET_ATTRIBUTE.test(key) && text !== "" && !text.includes("${")) {
        say(file, `${key} is set to a literal string: secrets come from variables, generated values or a secret store`);
      }
    }
    for (const [name, decl] of m.variables) {
      if (SECRET_VARIABLE.test(name) && !/_(id|ids|arn|name|names)$/.test(name)) {
        if (!decl.sensitive) say(decl.file, `variable "${name}" looks like a secret: mark it sensitive = true`);
        if (decl.hasDefault) say(decl.file, `variable "${name}" looks like a secret: it must not have a default`);
      }
    }
  }
  return { errors, modules: modules.size, files: [...modules.values()].reduce((n, m) => n + m.files.length, 0) };
}
