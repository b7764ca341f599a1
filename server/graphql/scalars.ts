import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** A GeoJSON geometry object in WGS84 (RFC 7946), passed as JSON. */
export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON geometry (RFC 7946) in WGS84 longitude/latitude.',
  serialize: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
  parseValue: (value) => value,
  parseLiteral: (ast) => literalToJson(ast),
});

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    default:
      return null;
  }
}
