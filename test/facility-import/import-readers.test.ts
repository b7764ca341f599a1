import { expect, test } from 'vitest';
import { TokenService } from '../../server/auth/token.service';
import { TEST_JWT_SECRET } from '../support/secret';
import { SqlRunner } from '../../server/db/sql';
import { STORED_AREAS_PER_FACILITY } from '../../server/kernel/stored-service-areas';
import { useTestServer } from '../support/test-server';

const fixture = useTestServer({ env: { CAREMAP_RATE_LIMIT_PER_MINUTE: '100000' } });

const ROWS = 300;
const READS = 5;

/** 300 new facilities on a grid of streets around 湖滨 (Hubin), each at its own place. */
function csvOfNewFacilities(): string {
  const lines = ['source_key,name,type,lng,lat,total_beds,vacant_beds'];
  for (let row = 0; row < ROWS; row++) {
    const lng = (120.14 + (row % 20) * 0.002).toFixed(4);
    const lat = (30.24 + Math.floor(row / 20) * 0.002).toFixed(4);
    lines.push(`readers:${row},读者测试驿站${row},COMMUNITY_CARE_STATION,${lng},${lat},20,3`);
  }
  return lines.join('\n');
}

/**
 * Each new facility gets STORED_AREAS_PER_FACILITY areas, a 20-minute drive among them (about the whole demo
 * network, some 20,000 vertices): the import takes 50 s or more on PGlite, so the test has more than the
 * default minute.
 */
const IMPORT_TEST_TIMEOUT_MS = 240_000;

test(
  'an ADMIN import of 300 rows stalled every public read for 21–25 s: reads are answered while it runs',
  async () => {
    const { url, app } = fixture.server;
    const { token } = await new TokenService(fixture.database.db.fork(), TEST_JWT_SECRET).issue({
      kind: 'API_KEY',
      role: 'ADMIN',
      subject: 'import readers',
    });
    // The network is read on first use (at start-up in `npm start`); read it before measuring.
    await app.network.current();

    let importDone = false;
    const imported = fixture.server
      .query<{ importFacilities: { written: boolean; created: number } }>(
        `mutation($content: String!) {
         importFacilities(file: { name: "readers", content: $content }, format: CSV, dryRun: false) { written created }
       }`,
        { content: csvOfNewFacilities() },
        { authorization: `Bearer ${token}` },
      )
      .then((result) => {
        importDone = true;
        return result;
      });
    await expect
      .poll(() => app.compute.stats().running, { timeout: 60_000, interval: 20 })
      .toBeGreaterThan(0);
    let answeredDuringImport = 0;
    for (let read = 0; read < READS; read++) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ facilities(first: 3) { edges { node { id name } } } }' }),
      });
      const body = (await response.json()) as { errors?: unknown };
      expect(body.errors).toBeUndefined();
      if (!importDone) answeredDuringImport += 1;
    }
    const result = await imported;
    expect(result.errors).toBeUndefined();
    expect(result.data!.importFacilities).toEqual({ written: true, created: ROWS });
    expect(answeredDuringImport).toBe(READS);

    const stored = await new SqlRunner(fixture.database.db.fork()).one<{ n: number }>(
      `select count(*)::int as "n" from service_area sa join facility f on f.id = sa.facility_id
     where f.source_key like 'readers:%'`,
    );
    expect(stored!.n).toBe(ROWS * STORED_AREAS_PER_FACILITY);
  },
  IMPORT_TEST_TIMEOUT_MS,
);
