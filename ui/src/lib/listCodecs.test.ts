// Every book's list codec (used by useQueryList through ListPage): a fresh list has a clean URL,
// a clean URL gives the fresh list, and a filter survives the trip through the URL, so the back
// button and links from statistics show the list the clerk left.
import { describe, expect, it } from 'vitest';
import type { LocationQuery } from 'vue-router';
import { PETITION_LIST, SUGGESTION_LIST, type ListCodec } from './caseQuery';
import { ACTIVITY_LIST } from './activities';
import { DEED_LIST } from './deeds';
import { DOCUMENT_LIST } from './documents';
import { MEETING_LIST } from './meetings';

// each codec's own filter type is checked where it is defined; here only the shared part matters
type AnyCodec = ListCodec<{ search: string; page: number; page_size: number }, { page: number; page_size: number }>;
const codecs = ([

  ['suggestions', SUGGESTION_LIST], ['petitions', PETITION_LIST], ['documents', DOCUMENT_LIST],
  ['deeds', DEED_LIST], ['activities', ACTIVITY_LIST], ['meetings', MEETING_LIST],
] as [string, unknown][]) as [string, AnyCodec][];

describe.each(codecs)('%s list codec', (_name, codec) => {
  it('a fresh list has a clean URL and a clean URL is the fresh list', () => {
    expect(codec.toQuery(codec.defaults())).toEqual({});
    expect(codec.fromQuery({})).toEqual(codec.defaults());
  });

  it('keeps search and page through the URL and asks the core for them', () => {
    const f = { ...codec.defaults(), search: '水渠', page: 3, page_size: 50 };
    const back = codec.fromQuery(codec.toQuery(f) as LocationQuery);
    expect(back).toEqual(f);
    expect(codec.build(back)).toMatchObject({ search: '水渠', page: 3, page_size: 50 });
  });
});
