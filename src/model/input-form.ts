/**
 * The input form of an entity, typed as its schema reads it (`z.input<typeof DealSchema>`: a
 * field with a default may be left out, an amount may be a number) but with the documented fields
 * of its interface (`Deal`): a type inferred from a zod schema loses its field comments in the
 * published declarations, while a mapped type over the interface keeps each field's doc comment.
 * tests/model/entity-docs.test.ts holds every `…Input` equal to its schema's input type.
 * @module
 */

/** Keys of `T` that are optional. */
type OptionalKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? K : never }[keyof T];
/** Keys of `T` that are required. */
type RequiredKeys<T> = Exclude<keyof T, OptionalKeys<T>>;

/** What stays as it is: primitives, functions, and class instances a schema accepts as they are. */
type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date | ((...args: never[]) => unknown);

/** The member of the documented union `Out` that the input object `In` is the input of (by `kind`, else all). */
type MatchOf<Out, In> = In extends { readonly kind: infer Kind }
  ? [Extract<Out, { readonly kind: Kind }>] extends [never]
    ? Extract<Out, object>
    : Extract<Out, { readonly kind: Kind }>
  : Extract<Out, object>;

/** The element type of an array type, or never. */
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/** Each field of `Out` (its doc comment kept) with the type its input form `In` has. */
type Retyped<Out, In> = { -readonly [K in keyof Out]: K extends keyof In ? Documented<Out[K], In[K]> : never };

/** An object input: the required fields of `In` required, the optional ones optional, with `Out`'s field docs. */
type Shape<Out, In> = [Out] extends [never]
  ? In
  : Flat<
      Required<Pick<Retyped<Out, In>, Extract<RequiredKeys<In>, keyof Out>>> &
        Partial<Pick<Retyped<Out, In>, Extract<OptionalKeys<In>, keyof Out>>>
    >;

/** One object type of an intersection's fields (a homomorphic mapping: each field keeps its doc comment). */
type Flat<T> = { [K in keyof T]: T[K] };

/**
 * `In` (a schema's input type) with the field docs of `Out` (the documented output), through
 * arrays, unions and nested objects. @internal
 */
export type Documented<Out, In> = In extends Leaf
  ? In
  : In extends readonly (infer I)[]
    ? Documented<ElementOf<Out>, I>[]
    : In extends object
      ? string extends keyof In
        ? In
        : Shape<MatchOf<Out, In>, In>
      : In;
