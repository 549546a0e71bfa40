// The class waitlist's cut-off: a place freed in a class goes to the first on
// its waitlist only until this many minutes before the class starts
// (studio_settings.waitlist_cutoff_minutes, 0 to a week, default 2 hours;
// the use cases read it in src/server/classes/class-sql.ts).
export const DEFAULT_WAITLIST_CUTOFF_MINUTES = 120;
export const MAX_WAITLIST_CUTOFF_MINUTES = 10_080;
