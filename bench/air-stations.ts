/**
 * The stations of the air benchmark: the real national station list, read once by the driver and by the ecoplan
 * run's main thread (its workers get the stations in their first message).
 */
import { readFileSync } from 'node:fs';
import { parseStationList, type Station } from '../src/ingest/air/station-list.js';

/** The real national station list (2,026 stations, 2022-02-13). */
export const STATION_LIST_FILE = '/work/shared/reference/samples/stations-2022.02.13.csv';

/** The stations of the list not marked stopped (停运/停用), in list order. */
export function liveStations(file = STATION_LIST_FILE): Station[] {
  const read = parseStationList(readFileSync(file), { file });
  if (read.stations.length === 0) throw new Error(`站点列表读取失败 / the station list could not be read: ${read.issues.map((i) => i.message).join('; ')}`);
  return read.stations.filter((s) => !s.stopped);
}
