// A coach's free time, kept between requests by each server process.
//
// Exact, not time-limited: every entry carries the coach's calendar version
// (calendar_versions, kept by triggers in the same transaction as any change
// to what free time is computed from, drizzle/0004), read in the same
// snapshot as the free time itself. Every read asks the database for the
// current version (calendarVersionQuery, a primary-key look-up) and uses
// the entry only when it matches, so a booking, an availability change or
// generation, made by this process, another instance or by hand, is seen by
// the very next request. What a hit saves is computing the free time (the
// weekly rules' wall-clock conversions, the sessions' union), cutting it
// into slots and serializing them; one round trip stays.
//
// One cache per database client (tests open many databases in one process;
// versions are transaction ids, which two databases can share). Reads inside
// a transaction are not cached: it may see its own uncommitted rows.
// See docs/decisions/0007-free-time-cache-and-calendar-versions.md.
import type { DatabaseOrTransaction } from "@/db";
import type { JsonText } from "../json-text";

/** The free time of one coach over one window of local dates, as of `version`. */
export interface CoachFreeTime {
  /** calendar_versions.version (as text) it was computed at. */
  version: string;
  zone: string;
  notice: number;
  defaultDuration: number;
  free: Array<{ start: Date; end: Date }>;
  /** Per slot length in minutes: the slots cut from `free` (list-free-slots.ts). */
  slots: Map<number, SlotList>;
}

/** One slot length's slots of an entry. */
export interface SlotList {
  /** Every slot start (epoch ms) in the window, in order, before any notice is applied. */
  starts: number[];
  /** The last JSON answer built from them: the slots from index `first` on (the rest were too soon then). */
  answer?: { first: number; json: JsonText };
}

/**
 * Entries per database client. One holds ~100 free ranges and up to
 * SLOT_LISTS_PER_ENTRY lists with an answer of ~50 kB for six weeks: a few
 * tens of MB at most.
 */
export const FREE_TIME_CACHE_ENTRIES = 200;

/** Slot lengths an entry keeps lists of at once (15–480 minutes allow 32). */
export const SLOT_LISTS_PER_ENTRY = 3;

const caches = new WeakMap<object, Map<string, CoachFreeTime>>();

export interface FreeTimeCache {
  get(key: string): CoachFreeTime | undefined;
  set(key: string, entry: CoachFreeTime): void;
}

/** The cache of `db`'s client; undefined inside a transaction. */
export function freeTimeCache(db: DatabaseOrTransaction): FreeTimeCache | undefined {
  if (!("$client" in db)) return undefined;
  const client = db.$client as object;
  let entries = caches.get(client);
  if (!entries) caches.set(client, (entries = new Map()));
  const map = entries;
  return {
    get(key) {
      const entry = map.get(key);
      if (entry) {
        // Least recently used first: a read moves the entry to the end.
        map.delete(key);
        map.set(key, entry);
      }
      return entry;
    },
    set(key, entry) {
      map.delete(key);
      map.set(key, entry);
      if (map.size > FREE_TIME_CACHE_ENTRIES) map.delete(map.keys().next().value!);
    },
  };
}

/** The key of one coach's window: everything the free time depends on besides the database. */
export function freeTimeKey(coachId: string, from: string, to: string, businessTimeZone: string): string {
  return JSON.stringify([coachId, from, to, businessTimeZone]);
}
