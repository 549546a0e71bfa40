// Who acts: the signed-in user (or API key's user) a use case is called for.
// Its own module so that every layer can name it without importing how it is
// found (current-actor.ts), which would close an import circle.
import type { UserRole } from "@/db/schema";

export interface Actor {
  id: string;
  role: UserRole;
  email: string;
  name: string;
}
