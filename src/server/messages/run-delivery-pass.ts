// One bounded pass of the worker's work, for a cron call: due reminders,
// then due messages, until none is left or the time budget is spent.
import type { DatabaseOrTransaction } from "@/db";
import { deliverDueMessages, type DeliveryOutcome } from "./deliver-outbox";
import { enqueueDueReminders } from "./enqueue-reminders";
import { createMailTransport, mailSettings } from "./mail-transport";

export async function runDeliveryPass(db: DatabaseOrTransaction, options: { budgetMs: number }): Promise<{ reminders: number; delivery: DeliveryOutcome }> {
  const started = Date.now();
  const settings = mailSettings();
  const transport = createMailTransport(settings);
  const delivery: DeliveryOutcome = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  try {
    const reminders = await enqueueDueReminders(db);
    while (Date.now() - started < options.budgetMs) {
      const outcome = await deliverDueMessages(db, { transport, settings });
      delivery.claimed += outcome.claimed;
      delivery.sent += outcome.sent;
      delivery.retried += outcome.retried;
      delivery.failed += outcome.failed;
      if (outcome.claimed === 0) break;
    }
    return { reminders, delivery };
  } finally {
    transport.close();
  }
}
