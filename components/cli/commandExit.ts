/**
 * A command that finished its work but must end with a particular exit code (diff
 * --fail-on-world: the report is printed, then the exit code says a gate failed).
 */
export class CommandExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
    this.name = "CommandExit";
  }
}
