// A person's reminder choice: none, or how long before each session.

export const reminderChoices = ["off", "2h", "24h"] as const;
export type ReminderChoice = (typeof reminderChoices)[number];
export const DEFAULT_REMINDER: ReminderChoice = "24h";

/** Minutes before the session the reminder is due; null for off. */
export function reminderLeadMinutes(choice: ReminderChoice): number | null {
  switch (choice) {
    case "off":
      return null;
    case "2h":
      return 120;
    case "24h":
      return 24 * 60;
  }
}
