/**
 * Imported first by a command that loads Payload's module graph with `import()`: on Node 20, while
 * tsx transpiles a cold module the event loop can run empty, and Node then ends the process with
 * the import unsettled (exit 13, nothing done). An interval holds the loop until the command ends
 * itself with `process.exit`.
 */
setInterval(() => {}, 1 << 30)
