// Starts the packaged application (embedded engine and PostgreSQL) on free ports for the E2E run.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, openSync, rmSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** The packaged app jar: OPENMINERAL_JAR, else api/target's. */
export function appJar(root) {
  const jar = process.env.OPENMINERAL_JAR ?? resolve(root, 'api/target/openmineral-api-0.1.0-SNAPSHOT.jar');
  if (!existsSync(jar)) {
    throw new Error(`E2E: no application jar at ${jar}: build it first (./openmineral build) or set OPENMINERAL_JAR`);
  }
  return jar;
}

export async function startApp({ root, outDir, timeoutMs = 240_000 }) {
  const jar = appJar(root);
  const java = process.env.JAVA ?? (process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java');
  const port = await freePort();
  const dataDir = resolve(outDir, 'e2e-data');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logFile = resolve(outDir, 'e2e-app.log');
  const log = openSync(logFile, 'w');
  const args = [
    '--enable-native-access=ALL-UNNAMED',
    '--sun-misc-unsafe-memory-access=allow',
    '-Xmx768m',
    '-jar',
    jar,
    `--server.port=${port}`,
    '--openmineral.engine.port=0',
    '--openmineral.engine.flush-mode=os-cache',
    `--openmineral.data-dir=${dataDir}`,
    `--openmineral.deployment.locations=file:${root}/bpmn/**/*.bpmn,file:${root}/bpmn/**/*.dmn,file:${root}/forms/**/*.form`,
  ];
  const process_ = spawn(java, args, { stdio: ['ignore', log, log] });
  let exited = null;
  process_.on('exit', (code) => (exited = code));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) {
      throw new Error(`E2E: the application exited with ${exited} while starting; see ${logFile}:\n${tail(logFile)}`);
    }
    if (Date.now() > deadline) {
      process_.kill('SIGKILL');
      throw new Error(`E2E: the application did not become healthy in ${timeoutMs / 1000} s; see ${logFile}`);
    }
    try {
      const response = await fetch(`${base}/actuator/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  return {
    base,
    logFile,
    async stop() {
      if (exited !== null) return;
      process_.kill('SIGTERM');
      const stopped = await Promise.race([
        new Promise((r) => process_.once('exit', () => r(true))),
        new Promise((r) => setTimeout(() => r(false), 30_000)),
      ]);
      if (!stopped) process_.kill('SIGKILL');
    },
  };
}

function tail(file) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n');
  } catch {
    return '';
  }
}
