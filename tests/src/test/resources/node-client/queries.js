// Runs the same queries through node-postgres (simple and extended protocol, a pool of clients
// side by side) and prints every result as JSON: PgNodeClientTest compares the output for
// Jointure with the output for a real PostgreSQL holding the same data.
const { Client, Pool } = require('pg');

async function main() {
  const [host, port, database, user] = process.argv.slice(2);
  const config = { host, port: Number(port), database, user };
  const client = new Client(config);
  await client.connect();
  const out = [];
  const simple = await client.query(
    'SELECT id, name, population, founded FROM crm.towns WHERE id <= 5 ORDER BY id');
  out.push({ fields: simple.fields.map(f => [f.name, f.dataTypeID]), rows: simple.rows });
  // With values: Parse/Bind/Execute, the value sent as a parameter.
  const bound = await client.query(
    'SELECT c.name, COUNT(*) AS towns FROM crm.towns t JOIN crm.countries c ON c.id = t.country_id'
    + ' WHERE t.population > $1 GROUP BY c.name ORDER BY c.name', [40000]);
  out.push({ command: bound.command, rowCount: bound.rowCount, rows: bound.rows });
  const prepared = { name: 'people-of-town', text:
    'SELECT p.id, p.first_name, p.age FROM shop.people p WHERE p.town_id = $1 ORDER BY p.id' };
  for (const town of [3, 7, 3]) {
    const r = await client.query({ ...prepared, values: [town] });
    out.push(r.rows);
  }
  try {
    await client.query('SELECT nope FROM crm.towns');
  } catch (e) {
    out.push({ error: e.code });
  }
  out.push((await client.query('SELECT COUNT(*) FROM crm.towns')).rows);
  await client.end();
  const pool = new Pool({ ...config, max: 5 });
  const counts = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map(age =>
    pool.query('SELECT COUNT(*) AS n FROM shop.people WHERE age = $1', [age * 10])));
  out.push(counts.map(r => r.rows[0].n));
  await pool.end();
  console.log(JSON.stringify(out));
}

main().catch(e => { console.error(e); process.exit(1); });
