// How a calendar feed is shown to its owner: its two addresses.
import { z } from "zod";

export const calendarFeedViewSchema = z
  .strictObject({
    url: z.string().meta({ format: "uri", description: "The feed (iCalendar), https://…/api/calendar-feeds/<token>.ics: paste it into a calendar app." }),
    webcalUrl: z
      .string()
      .meta({ description: "The same address as webcal://…, which opens a calendar app to subscribe." }),
  })
  .describe("Your private calendar feed. Anyone with the address can read your sessions: keep it to yourself, or get a new one.");

export type CalendarFeedView = z.infer<typeof calendarFeedViewSchema>;
