// Placeholder home (replaced by the member pages).
import { PageHeader } from "@/components/ui/card";
import { getViewer } from "../viewer";

export default async function Page() {
  const viewer = await getViewer("member");
  return <PageHeader title={`Welcome, ${viewer.actor.name}`} />;
}
