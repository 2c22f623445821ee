import pg from 'pg'

/** The SQL text of every statement sent to PostgreSQL while `work` runs (every pg client of the pool). */
export async function recordStatements(work: () => Promise<unknown>): Promise<string[]> {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be put back, and called with `.apply(this)` on the client that runs a query
  const original = pg.Client.prototype.query
  const statements: string[] = []
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [query] = args
    statements.push(
      typeof query === 'string'
        ? query
        : String((query as { text?: string } | undefined)?.text ?? ''),
    )
    return (original as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof original
  try {
    await work()
  } finally {
    pg.Client.prototype.query = original
  }
  return statements
}

/** How many SQL statements were sent to PostgreSQL while `work` runs. */
export async function countStatements(work: () => Promise<unknown>): Promise<number> {
  return (await recordStatements(work)).length
}

/** One SQL statement on the test database, outside Payload (to corrupt or inspect stored state). */
export async function sql<T = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}
