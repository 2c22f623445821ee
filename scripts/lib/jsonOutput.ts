/**
 * `--json` mode of a command: only the report may reach stdout. Payload's logger is turned off
 * and anything else written to stdout meanwhile (the dev schema push spinner) goes to stderr.
 * Returns the writer of the report.
 */
export function jsonOutput(enabled: boolean): (text: string) => void {
  const writeReport = process.stdout.write.bind(process.stdout)
  if (enabled) {
    process.env.DISABLE_LOGGING = 'true'
    process.stdout.write = process.stderr.write.bind(process.stderr)
  }
  return (text) => {
    writeReport(text)
  }
}
