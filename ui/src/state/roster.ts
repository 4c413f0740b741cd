// The roster list lives for the whole session, so coming back from a deputy's page finds the
// same search, filters and page the clerk left.
import * as api from '../api/commands';
import { reportError } from '../api/errors';
import { createRosterList, type RosterList } from '../lib/roster';

let list: RosterList | null = null;

export function rosterList(): RosterList {
  if (!list) list = createRosterList(api.deputiesList, (e) => reportError(e));
  return list;
}
