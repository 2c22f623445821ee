import { startEmbeddedPostgres } from './lib/postgres'
const c = await startEmbeddedPostgres({ dataDir: '/tmp/cited-dbg-pg', persistent: false, database: 'postgres', port: 55432 })
console.log(c.url)
setInterval(() => {}, 1 << 30)
