/**
 * The search index as a bundle document (kind `search`): MiniSearch's own serialisation, wrapped with our
 * format number. Terminals check only the shape here: the index is read lazily, when search first opens.
 */
import * as v from 'valibot';

export const SEARCH_INDEX_FORMAT = 1;
export const SEARCH_INDEX_ID = 'search';

export const SearchIndexDocument = v.strictObject({
  format: v.literal(SEARCH_INDEX_FORMAT),
  /** MiniSearch.toJSON(): terms, postings and stored fields, loaded with `MiniSearch.loadJS`. */
  index: v.looseObject({
    serializationVersion: v.number(),
    documentCount: v.number(),
    index: v.array(v.unknown()),
  }),
});
export type SearchIndexDocumentT = v.InferOutput<typeof SearchIndexDocument>;
