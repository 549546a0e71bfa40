// Why an occurrence cannot be booked, in words (the engine's reasons).
import type { ConflictReason } from "@/db/schema";

export const CONFLICT_REASON_TEXT: Record<ConflictReason, string> = {
  outside_availability: "Coach not available then",
  blocked: "Coach is away (time off)",
  coach_busy: "Coach already booked",
  member_busy: "Member has another session then",
};
