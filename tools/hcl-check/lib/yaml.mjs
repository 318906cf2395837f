// YAML checks: every file parses; docker-compose files, Kubernetes manifests and GitHub workflows
// are checked for the mistakes that only show up when they are run.
import { readFileSync, existsSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseAllDocuments } from "yaml";
import { walk } from "./terraform.mjs";

const isYaml = (name) => /\.ya?ml$/.test(name);
const SECRET_KEYS = /^(password|inlineSecret|clientSecret|client-secret|secret)$/;

/** Parses every YAML document of a file; pushes syntax errors with line and column. */
export function loadYaml(file, say) {
  let docs;
  try {
    docs = parseAllDocuments(readFileSync(file, "utf8"), { prettyErrors: true });
  } catch (e) {
    say(file, `YAML error: ${e.message}`);
    return [];
  }
  const out = [];
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    for (const err of doc.errors) {
      const pos = err.linePos?.[0];
      say(file, `YAML syntax error${pos ? ` at line ${pos.line}, column ${pos.col}` : ""}: ${err.message.split("\n")[0]}`);
    }
    if (doc.errors.length === 0) {
      const value = doc.toJS({ maxAliasCount: 1000 });
      if (value !== null && value !== undefined) out.push(value);
    }
  }
  return out;
}

function* entries(value, path = []) {
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* entries(value[i], [...path, i]);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      yield [k, v, [...path, k]];
      yield* entries(v, [...path, k]);
    }
  }
}

/** A literal secret under a secret-looking key (interpolations like ${X} are fine). */
function checkNoLiteralSecrets(file, doc, say) {
  for (const [key, value, path] of entries(doc)) {
    if (SECRET_KEYS.test(String(key)) && typeof value === "string" && value !== "" && !value.includes("${")) {
      say(file, `${path.join(".")} holds a literal secret: reference a Secret or an environment variable instead`);
    }
  }
}

const list = (v) => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.keys(v) : []);

/** docker-compose: docker-compose.yml is a full file, docker-compose.<x>.yml overrides it. */
export function checkCompose(dir, say) {
  const files = walk(dir, (name) => /^(docker-)?compose(\..+)?\.ya?ml$/.test(name)).filter((f) => dirname(f) === dir);
  const base = files.find((f) => /^(docker-)?compose\.ya?ml$/.test(basename(f)));
  const overrides = files.filter((f) => f !== base);
  if (files.length === 0) return;
  if (!base) {
    say(dir, "compose overrides without a docker-compose.yml to extend");
    return;
  }
  const [baseDoc] = loadYaml(base, say);
  if (!baseDoc) return;
  const services = baseDoc.services ?? {};
  if (Object.keys(services).length === 0) say(base, "no services");
  const declared = (section) => new Set(Object.keys(baseDoc[section] ?? {}));
  const networks = declared("networks");
  const volumes = declared("volumes");
  const configs = declared("configs");
  const secrets = declared("secrets");

  const checkService = (file, name, svc, isOverride) => {
    if (!svc || typeof svc !== "object") {
      say(file, `services.${name} is empty`);
      return;
    }
    if (!isOverride && !svc.image && !svc.build) say(file, `services.${name} has neither image nor build`);
    if (isOverride && !(name in services)) say(file, `services.${name} overrides a service that ${basename(base)} does not define`);
    for (const dep of list(svc.depends_on)) {
      if (!(dep in services)) say(file, `services.${name}.depends_on names "${dep}", which is not a service`);
    }
    for (const net of list(svc.networks)) {
      if (!networks.has(net) && net !== "default") say(file, `services.${name}.networks names "${net}", which is not declared under networks:`);
    }
    for (const vol of svc.volumes ?? []) {
      const source = typeof vol === "string" ? vol.split(":")[0] : vol?.source;
      if (source && !/^[./~$]/.test(source) && !volumes.has(source)) {
        say(file, `services.${name}.volumes uses named volume "${source}", which is not declared under volumes:`);
      }
    }
    for (const c of svc.configs ?? []) {
      const source = typeof c === "string" ? c : c?.source;
      if (!configs.has(source)) say(file, `services.${name}.configs names "${source}", which is not declared under configs:`);
    }
    for (const s of svc.secrets ?? []) {
      const source = typeof s === "string" ? s : s?.source;
      if (!secrets.has(source)) say(file, `services.${name}.secrets names "${source}", which is not declared under secrets:`);
    }
    if (svc.profiles !== undefined && (!Array.isArray(svc.profiles) || svc.profiles.some((p) => typeof p !== "string"))) {
      say(file, `services.${name}.profiles must be a list of names`);
    }
    if (svc.healthcheck && !svc.healthcheck.disable && !svc.healthcheck.test) say(file, `services.${name}.healthcheck has no test`);
  };
  for (const [name, svc] of Object.entries(services)) checkService(base, name, svc, false);
  for (const file of overrides) {
    const [doc] = loadYaml(file, say);
    for (const [name, svc] of Object.entries(doc?.services ?? {})) checkService(file, name, svc, true);
  }
}

const matches = (selector, labels) =>
  selector && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Kubernetes manifests of one kustomize directory. */
export function checkKubernetes(dir, say) {
  const files = walk(dir, isYaml);
  const kustomization = files.find((f) => /^kustomization\.ya?ml$/.test(basename(f)));
  const objects = [];
  for (const file of files) {
    if (file === kustomization) continue;
    for (const doc of loadYaml(file, say)) {
      if (!doc.apiVersion || !doc.kind || !doc.metadata?.name) {
        say(file, `a document lacks apiVersion, kind or metadata.name`);
        continue;
      }
      objects.push({ file, ...doc });
    }
  }
  if (kustomization) {
    const [k] = loadYaml(kustomization, say);
    const listed = new Set((k?.resources ?? []).map((r) => resolve(dir, r)));
    for (const r of listed) if (!existsSync(r)) say(kustomization, `resources lists ${relative(dir, r)}, which does not exist`);
    for (const file of files) if (file !== kustomization && !listed.has(resolve(file))) say(file, `not listed in ${basename(kustomization)} resources`);
  }

  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const workloads = objects.filter((o) => ["Deployment", "StatefulSet", "DaemonSet"].includes(o.kind));
  const configMaps = new Set(byKind("ConfigMap").map((o) => o.metadata.name));
  const services = byKind("Service");

  for (const s of byKind("Secret")) {
    say(s.file, `Secret ${s.metadata.name} is committed: create it out of band (kubectl create secret, External Secrets) and only reference it`);
  }
  for (const w of workloads) {
    const name = `${w.kind} ${w.metadata.name}`;
    const podLabels = w.spec?.template?.metadata?.labels ?? {};
    if (!matches(w.spec?.selector?.matchLabels, podLabels)) say(w.file, `${name}: spec.selector.matchLabels does not match the pod template labels`);
    for (const c of w.spec?.template?.spec?.containers ?? []) {
      const cname = `${name} container ${c.name}`;
      if (!c.image) say(w.file, `${cname} has no image`);
      const r = c.resources ?? {};
      if (!r.requests?.cpu || !r.requests?.memory) say(w.file, `${cname} needs resources.requests.cpu and .memory`);
      if (!r.limits?.memory) say(w.file, `${cname} needs resources.limits.memory`);
      if (!c.livenessProbe) say(w.file, `${cname} has no livenessProbe`);
      if (!c.readinessProbe) say(w.file, `${cname} has no readinessProbe`);
      const portNames = new Set((c.ports ?? []).map((p) => p.name).filter(Boolean));
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = c[probe]?.httpGet?.port;
        if (typeof port === "string" && !portNames.has(port)) say(w.file, `${cname} ${probe} uses port "${port}", which the container does not name`);
      }
      for (const ef of c.envFrom ?? []) {
        if (ef.configMapRef && !configMaps.has(ef.configMapRef.name)) say(w.file, `${cname} envFrom names ConfigMap ${ef.configMapRef.name}, which is not in ${relative(process.cwd(), dir) || dir}`);
      }
      for (const e of c.env ?? []) {
        const ref = e.valueFrom?.configMapKeyRef;
        if (ref && !configMaps.has(ref.name)) say(w.file, `${cname} env ${e.name} names ConfigMap ${ref.name}, which is not defined`);
      }
    }
  }
  for (const s of services) {
    const targets = workloads.filter((w) => matches(s.spec?.selector, w.spec?.template?.metadata?.labels));
    if (targets.length === 0) {
      say(s.file, `Service ${s.metadata.name}: selector matches no Deployment/StatefulSet pod labels`);
      continue;
    }
    for (const p of s.spec?.ports ?? []) {
      if (typeof p.targetPort === "string") {
        const named = targets.some((w) => (w.spec.template.spec.containers ?? []).some((c) => (c.ports ?? []).some((cp) => cp.name === p.targetPort)));
        if (!named) say(s.file, `Service ${s.metadata.name}: targetPort "${p.targetPort}" is not a named container port of its pods`);
      }
    }
  }
  for (const h of byKind("HorizontalPodAutoscaler")) {
    const t = h.spec?.scaleTargetRef ?? {};
    if (!workloads.some((w) => w.kind === t.kind && w.metadata.name === t.name)) say(h.file, `HorizontalPodAutoscaler ${h.metadata.name}: target ${t.kind} ${t.name} is not defined`);
    if ((h.spec?.metrics ?? []).some((m) => m.resource?.name === "cpu")) {
      const w = workloads.find((x) => x.kind === t.kind && x.metadata.name === t.name);
      if (w && (w.spec.template.spec.containers ?? []).some((c) => !c.resources?.requests?.cpu)) say(h.file, `HorizontalPodAutoscaler ${h.metadata.name} scales on CPU but ${t.name} has a container without a CPU request`);
    }
  }
  for (const p of byKind("PodDisruptionBudget")) {
    if (!workloads.some((w) => matches(p.spec?.selector?.matchLabels, w.spec?.template?.metadata?.labels))) say(p.file, `PodDisruptionBudget ${p.metadata.name}: selector matches no pods`);
  }
  for (const i of byKind("Ingress")) {
    for (const rule of i.spec?.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const svc = path.backend?.service;
        const target = services.find((s) => s.metadata.name === svc?.name);
        if (!target) say(i.file, `Ingress ${i.metadata.name}: backend Service ${svc?.name} is not defined`);
        else if (svc.port?.name && !(target.spec.ports ?? []).some((p) => p.name === svc.port.name)) say(i.file, `Ingress ${i.metadata.name}: Service ${svc.name} has no port named ${svc.port.name}`);
      }
    }
  }
  return objects.length;
}

/** GitHub workflows: jobs exist, every action is pinned to a tag or a commit. */
export function checkWorkflows(dir, say) {
  for (const file of walk(dir, isYaml)) {
    const [doc] = loadYaml(file, say);
    if (!doc) continue;
    if (!doc.on && !doc[true]) say(file, "no on: trigger");
    if (!doc.jobs || Object.keys(doc.jobs).length === 0) say(file, "no jobs");
    for (const [jobName, job] of Object.entries(doc.jobs ?? {})) {
      if (!job["runs-on"] && !job.uses) say(file, `jobs.${jobName} has neither runs-on nor uses`);
      const uses = [job.uses, ...(job.steps ?? []).map((s) => s.uses)].filter(Boolean);
      for (const u of uses) {
        if (u.startsWith("./") || u.startsWith("docker://")) continue;
        const ref = u.split("@")[1];
        if (!ref) say(file, `jobs.${jobName}: ${u} is not pinned (add @vN or @<commit sha>)`);
        else if (/^(main|master|HEAD|latest|develop)$/.test(ref)) say(file, `jobs.${jobName}: ${u} follows a branch; pin a release tag or a commit`);
      }
    }
  }
}

/** Parses all YAML under the given directories and runs the structural checks. */
export function checkYaml(repoRoot, { display = (p) => p } = {}) {
  const errors = [];
  const say = (file, msg) => errors.push(`${display(file)}: ${msg}`);
  const root = resolve(repoRoot);
  let files = 0;
  for (const top of ["docker", "deploy"]) {
    for (const file of walk(join(root, top), isYaml)) {
      files++;
      for (const doc of loadYaml(file, say)) checkNoLiteralSecrets(file, doc, say);
    }
  }
  if (existsSync(join(root, "docker"))) checkCompose(join(root, "docker"), say);
  if (existsSync(join(root, "deploy", "k8s"))) checkKubernetes(join(root, "deploy", "k8s"), say);
  const workflows = join(root, ".github", "workflows");
  if (existsSync(workflows)) {
    files += walk(workflows, isYaml).length;
    checkWorkflows(workflows, say);
  }
  return { errors: [...new Set(errors)], files };
}
