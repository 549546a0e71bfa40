// The signed-in user, as they see themself: any role, only themself.
import type { Actor } from "@/auth/actor";
import { assertCan } from "@/auth/permissions";
import type { DatabaseOrTransaction } from "@/db";
import { AppError } from "@/domain/errors";
import { selectMe, type MeView } from "./me-view";

export async function getMe({ db, actor }: { db: DatabaseOrTransaction; actor: Actor | null }): Promise<MeView> {
  assertCan(actor, "account:manage");
  const me = await selectMe(db, actor.id);
  // A session outliving its user (deleted meanwhile): nothing to show.
  if (!me) throw new AppError("not_found", "Your account no longer exists");
  return me;
}
