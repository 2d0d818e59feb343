// Eleventy imports `.eleventy.ts` and the `*.11ty.ts` pages with Node's own `import()`. Node 20 cannot strip types,
// so those imports need tsx's loader. Our scripts run under `tsx`, which has it; a host that does not (vitest's main
// process running tests/global-setup.ts) gets it registered here, once.
import { register } from 'tsx/esm/api';

let registered = false;

export function ensureTypeScriptImports(): void {
  if (registered) return;
  registered = true;
  const underTsx = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('tsx'));
  if (!underTsx) register();
}
