// Placeholder home (replaced by the owner pages).
import { PageHeader } from "@/components/ui/card";
import { getViewer } from "../viewer";

export default async function Page() {
  const viewer = await getViewer("owner");
  return <PageHeader title={`Welcome, ${viewer.actor.name}`} />;
}
