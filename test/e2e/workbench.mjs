// What both editor-test runners need to start and stop a code-server workbench and the Chromium that shows it:
// a free port, a readiness wait, a process-group stop, an environment that keeps every write in a temp folder, and
// the headless browser launch with the flags this machine needs (no network, no sandbox as root).
import { createServer } from 'node:net';
import { join } from 'node:path';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Polls `url` until it answers 2xx; fails early when the server process exits. */
export async function waitForServer(url, child, limitMs) {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (code ${child.exitCode}, signal ${child.signalCode})`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${limitMs} ms`);
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Ends a server started with `detached: true` and its whole process group. */
export async function stopServer(child) {
  if (!child.pid) return;
  killGroup(child, 'SIGTERM');
  const exited = new Promise((r) =>
    child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r),
  );
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  // The group may hold file watchers and the extension host even after the main process exits.
  killGroup(child, 'SIGKILL');
}

/** Copies a server's output into its log file (and to the console when verbose); returns how to close the log. */
export function pipeServerLog(server, logStream, verbose) {
  for (const stream of [server.stdout, server.stderr]) {
    stream.on('data', (chunk) => {
      logStream.write(chunk);
      if (verbose) process.stdout.write(`[code-server] ${chunk}`);
    });
  }
  return () => new Promise((r) => logStream.end(r));
}

/** The environment for code-server: logs, sockets, caches and config all stay inside `tempRoot`. */
export function isolatedEnv(tempRoot, extra = {}) {
  return {
    ...process.env,
    ...extra,
    TMPDIR: join(tempRoot, 'tmp'),
    XDG_CONFIG_HOME: join(tempRoot, 'xdg', 'config'),
    XDG_DATA_HOME: join(tempRoot, 'xdg', 'data'),
    XDG_CACHE_HOME: join(tempRoot, 'xdg', 'cache'),
    XDG_STATE_HOME: join(tempRoot, 'xdg', 'state'),
  };
}

/** Headless Chromium with a fresh profile in `tempRoot`; our own signal handlers do the cleaning up. */
export function launchBrowser(chromium, executablePath, tempRoot, viewport) {
  return chromium.launchPersistentContext(join(tempRoot, 'chromium-profile'), {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    // Chromium writes crash reports under XDG_CONFIG_HOME even with its own profile folder.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: join(tempRoot, 'xdg', 'config'),
      XDG_CACHE_HOME: join(tempRoot, 'xdg', 'cache'),
    },
    timeout: 60_000,
    // Playwright's own handlers would just exit, leaving code-server's group running.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
