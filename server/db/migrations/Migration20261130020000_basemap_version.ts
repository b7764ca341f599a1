import { Migration } from '@mikro-orm/migrations';

/**
 * A counter that every write to the base map's tables (map_feature, region) advances, so that a server
 * keeping base-map tiles in memory knows when they are stale, whichever process wrote; and each region's
 * outline cut into runs of at most 64 vertices (consecutive pieces share their end vertex), kept by a
 * trigger, so that a tile clips only the pieces that reach it instead of the whole outline.
 */
export class Migration20261130020000_basemap_version extends Migration {
  override name = 'Migration20261130020000_basemap_version';

  override up(): void {
    this.addSql(`create table basemap_version (
      id boolean primary key default true check (id),
      version bigint not null
    );`);
    this.addSql(`insert into basemap_version (id, version) values (true, 1);`);
    this.addSql(`create function basemap_version_bump() returns trigger language plpgsql as $$
      begin
        update basemap_version set version = version + 1;
        return null;
      end $$;`);
    this.addSql(`create table region_boundary_piece (
      region_code text not null references region (code) on delete cascade,
      ring int not null,
      seq int not null,
      geom geometry(LineString, 4326) not null,
      primary key (region_code, ring, seq)
    );`);
    this.addSql(`create index region_boundary_piece_gist on region_boundary_piece using gist (geom);`);
    this.addSql(`create function region_boundary_pieces() returns trigger language plpgsql as $$
      begin
        delete from region_boundary_piece where region_code = new.code;
        insert into region_boundary_piece (region_code, ring, seq, geom)
        select new.code, r.ring, c.seq::int,
          ST_MakeLine(array(select ST_PointN(r.line, i) from generate_series(c.first, least(c.first + 64, r.n)) i order by i))
        from (select coalesce(d.path[1], 1) as ring, d.geom as line, ST_NPoints(d.geom) as n
              from ST_Dump(ST_Boundary(new.boundary)) d) r,
          lateral (select row_number() over (order by s) as seq, s as first from generate_series(1, r.n - 1, 64) s) c
        where new.boundary is not null;
        return null;
      end $$;`);
    this.addSql(`create trigger region_boundary_pieces after insert or update of boundary on region
      for each row execute function region_boundary_pieces();`);
    this.addSql(`update region set boundary = boundary where boundary is not null;`);
    for (const table of ['map_feature', 'region']) {
      this
        .addSql(`create trigger ${table}_basemap_version after insert or update or delete or truncate on ${table}
        for each statement execute function basemap_version_bump();`);
    }
  }
}
