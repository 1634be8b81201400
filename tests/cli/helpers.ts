/** Runs `revops` in-process (src/cli/main.ts) with captured stdout and stderr. */
import { type MainOptions, main } from '../../src/cli/main.js';

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `revops ...argv`, as the bin would run it, with stderr not a terminal. */
export function revops(...argv: string[]): Promise<Run> {
  return revopsWith({}, ...argv);
}

/** {@link revops} with main's options (the sample, revops/parallel's computeRows). */
export async function revopsWith(options: MainOptions, ...argv: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      stderrIsTTY: false,
    },
    options,
  );
  return { code, stdout, stderr };
}
