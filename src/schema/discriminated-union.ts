import { Type, type Static, type TObject, type TUnion, type TUnsafe, type SchemaOptions } from '@sinclair/typebox';

/**
 * `oneOf` + `discriminator` on a tag property (`kind`, `type`). With ajv's discriminator
 * option the validator checks only the member the tag names, so errors point at the real
 * problem instead of listing every member's mismatch.
 */
export function DiscriminatedUnion<T extends TObject[]>(
  tag: string,
  members: [...T],
  options: SchemaOptions = {},
): TUnsafe<Static<TUnion<T>>> {
  return Type.Unsafe<Static<TUnion<T>>>({
    ...options,
    type: 'object',
    discriminator: { propertyName: tag },
    oneOf: members,
  });
}

/** The tag values of a discriminated union, in order. */
export function unionTags(schema: { oneOf?: unknown[]; discriminator?: { propertyName: string } }): string[] {
  const tag = schema.discriminator?.propertyName;
  if (!tag || !schema.oneOf) return [];
  return schema.oneOf.flatMap((member) => {
    const value = (member as { properties?: Record<string, { const?: unknown }> }).properties?.[tag]?.const;
    return typeof value === 'string' ? [value] : [];
  });
}
