// Entry point of `npm run -s cli -- <command> …`: runs one command against the real process streams.
import { runCli } from './run';

void runCli(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
