/**
 * The `revops` command (Node only).
 *
 *   revops demo       the main job on the embedded sample organisation
 *   revops --version  the library version
 *   revops --help     this text
 */
import { version } from '../../package.json';
import { runDemo } from './demo.js';
import { loadSample } from './sample.js';

const HELP = `revops — the arithmetic of a sales organisation

Usage:
  revops demo        run the main reports on the embedded sample organisation
  revops --version   print the version
  revops --help      print this help
`;

function main(argv: readonly string[]): number {
  const [command] = argv;
  switch (command) {
    case 'demo':
      runDemo(loadSample(), (line) => console.log(line));
      return 0;
    case '--version':
    case '-v':
      console.log(version);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(HELP);
      return 0;
    default:
      console.error(`revops: unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
