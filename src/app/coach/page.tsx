// Placeholder home (replaced by the coach pages).
import { PageHeader } from "@/components/ui/card";
import { getViewer } from "../viewer";

export default async function Page() {
  const viewer = await getViewer("coach");
  return <PageHeader title={`Welcome, ${viewer.actor.name}`} />;
}
