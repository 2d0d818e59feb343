// Test-only fault injection for the build CLI, loaded with `node --import tsx --import ./tests/support/buildFaults.ts`.
// It needs no hook in the build itself, so the same test runs against any version of src/build.ts: it watches the
// file-system calls the build makes beside its output folder and, at the chosen one, signals the process itself (as
// a Ctrl-C, a `kill` or the OOM killer would at that instant) or pauses it until a file appears.
//
//   BUILD_FAULT_OUTPUT  absolute path of the build's --output folder
//   BUILD_FAULT_AT      scratch    right after the scratch folder beside the output is created (rendering follows)
//                       index      when Pagefind's process is started (indexing)
//                       rename:N   right after the Nth rename of anything named after the output (the swap)
//   BUILD_FAULT_DO      SIGKILL | SIGINT | SIGTERM | pause
//   BUILD_FAULT_RESUME  for `pause`: the file whose appearance lets the build go on
//
// When it fires it writes `build-fault: <event> pid=<pid>` to stderr first.
import childProcess from 'node:child_process';
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname, resolve } from 'node:path';

const output = process.env.BUILD_FAULT_OUTPUT ? resolve(process.env.BUILD_FAULT_OUTPUT) : null;
const at = process.env.BUILD_FAULT_AT ?? '';
const action = process.env.BUILD_FAULT_DO ?? 'SIGKILL';

function fire(event: string): void {
  fs.writeSync(2, `build-fault: ${event} pid=${process.pid}\n`);
  if (action === 'pause') {
    const resumeFile = process.env.BUILD_FAULT_RESUME!;
    const cell = new Int32Array(new SharedArrayBuffer(4));
    // Blocks this thread (the whole build) without spinning, as a build stuck in a long phase would.
    const deadline = Date.now() + 60_000;
    while (!fs.existsSync(resumeFile) && Date.now() < deadline) Atomics.wait(cell, 0, 0, 50);
    return;
  }
  process.kill(process.pid, action as NodeJS.Signals);
}

/** Is `path` the output folder or a sibling named after it (`_site.build-…`, `_site.old-…`)? */
function besideOutput(path: unknown): boolean {
  if (!output || typeof path !== 'string') return false;
  const full = resolve(path);
  return dirname(full) === dirname(output) && (full === output || basename(full).startsWith(`${basename(output)}.`));
}

if (output) {
  let renames = 0;
  let fired = false;
  const once = (event: string) => {
    if (fired) return;
    fired = true;
    fire(event);
  };

  const mkdirSync = fs.mkdirSync;
  (fs as { mkdirSync: unknown }).mkdirSync = function (this: unknown, path: fs.PathLike, ...rest: unknown[]) {
    const made = (mkdirSync as (...a: unknown[]) => unknown).call(this, path, ...rest);
    const name = basename(resolve(String(path)));
    if (at === 'scratch' && besideOutput(String(path)) && name.startsWith(`${basename(output)}.build-`)) once(`scratch ${name}`);
    return made;
  };

  const renameSync = fs.renameSync;
  (fs as { renameSync: unknown }).renameSync = function (this: unknown, from: fs.PathLike, to: fs.PathLike) {
    renameSync.call(this, from, to);
    if (besideOutput(String(from)) || besideOutput(String(to))) {
      renames += 1;
      if (at === `rename:${renames}`) once(`rename ${renames} ${basename(String(from))} -> ${basename(String(to))}`);
    }
  };

  const spawn = childProcess.spawn;
  (childProcess as { spawn: unknown }).spawn = function (this: unknown, command: string, ...rest: unknown[]) {
    const child = (spawn as (...a: unknown[]) => childProcess.ChildProcess).call(this, command, ...rest);
    if (at === 'index' && /pagefind/i.test(String(command))) once(`index ${basename(String(command))}`);
    return child;
  };

  // ESM `import { renameSync } from 'node:fs'` sees the wrappers only after this.
  syncBuiltinESMExports();
}
