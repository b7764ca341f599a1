/** Bytes of a minimal polygon Shapefile (.shp, shape type 5) and its .dbf (character fields), for fixtures. */
export function polygonShapefile(
  features: { rings: [number, number][][]; attributes: Record<string, string> }[],
): { shp: Uint8Array; dbf: Uint8Array } {
  const records = features.map(({ rings }) => {
    const points = rings.flat();
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    content.writeInt32LE(5, 0);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, i) =>
      content.writeDoubleLE(v, 4 + 8 * i),
    );
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((ring, i) => {
      content.writeInt32LE(start, 44 + 4 * i);
      start += ring.length;
    });
    points.forEach(([x, y], i) => {
      content.writeDoubleLE(x, 44 + 4 * rings.length + 16 * i);
      content.writeDoubleLE(y, 52 + 4 * rings.length + 16 * i);
    });
    return content;
  });
  const body = Buffer.concat(
    records.map((content, i) => {
      const header = Buffer.alloc(8);
      header.writeInt32BE(i + 1, 0);
      header.writeInt32BE(content.length / 2, 4);
      return Buffer.concat([header, content]);
    }),
  );
  const all = features.flatMap((f) => f.rings.flat());
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE((100 + body.length) / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(5, 32);
  [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
  ].forEach((v, i) => header.writeDoubleLE(v, 36 + 8 * i));
  const shp = Buffer.concat([header, body]);

  const fields = Object.keys(features[0]?.attributes ?? {});
  const width = 40;
  const dbfHeader = Buffer.alloc(32 + 32 * fields.length + 1);
  dbfHeader.writeUInt8(3, 0);
  dbfHeader.writeUInt32LE(features.length, 4);
  dbfHeader.writeUInt16LE(dbfHeader.length, 8);
  dbfHeader.writeUInt16LE(1 + width * fields.length, 10);
  fields.forEach((name, i) => {
    dbfHeader.write(name, 32 + 32 * i, 10, 'latin1');
    dbfHeader.write('C', 32 + 32 * i + 11, 'latin1');
    dbfHeader.writeUInt8(width, 32 + 32 * i + 16);
  });
  dbfHeader.writeUInt8(0x0d, dbfHeader.length - 1);
  const rows = features.map(({ attributes }) => {
    const row = Buffer.alloc(1 + width * fields.length, 0x20);
    fields.forEach((name, i) => {
      const value = Buffer.from(attributes[name], 'utf8');
      value.copy(row, 1 + width * i, 0, Math.min(width, value.length));
    });
    return row;
  });
  const dbf = Buffer.concat([dbfHeader, ...rows, Buffer.from([0x1a])]);
  return { shp: new Uint8Array(shp), dbf: new Uint8Array(dbf) };
}
