import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
let t = Date.now();
const m = new PGlite('memory://'); await m.waitReady; await migrate(drizzle(m), { migrationsFolder: '/work/main/src/persistence/migrations' });
console.log('memory initdb+migrate', Date.now() - t);
t = Date.now(); const dump = await m.dumpDataDir('none'); console.log('dump', Date.now() - t, dump.size);
t = Date.now(); const n = new PGlite('memory://', { loadDataDir: dump }); await n.waitReady; console.log('load', Date.now() - t);
console.log((await n.query("select count(*) from orders")).rows);
